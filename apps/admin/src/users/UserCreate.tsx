import { Create } from 'react-admin';
import { UserForm } from './UserForm';

export default function UserCreate() {
  return (
    <Create redirect="list" transform={(d) => ({ ...d, sectorIds: d.sectorIds ?? [] })}>
      <UserForm mode="create" />
    </Create>
  );
}
