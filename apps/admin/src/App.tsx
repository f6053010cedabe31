import { Admin, CustomRoutes } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { Route } from 'react-router-dom';

const dataProvider = simpleRestProvider('/api');

function Welcome() {
  return (
    <div style={{ padding: 24 }}>
      <h1>Rabta · رابطہ</h1>
      <p>The analyst screens arrive with the admin issue.</p>
    </div>
  );
}

export function App() {
  return (
    <Admin dataProvider={dataProvider} dashboard={Welcome} disableTelemetry>
      <CustomRoutes>
        <Route path="/welcome" element={<Welcome />} />
      </CustomRoutes>
    </Admin>
  );
}
