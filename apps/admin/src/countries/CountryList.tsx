import { DataTable, TextField } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { RabtaList } from '../common/RabtaList';

export default function CountryList() {
  return (
    <RabtaList sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="code">
          <TextField source="id" />
        </DataTable.Col>
        <DataTable.Col source="nameEn" label="resources.countries.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
        <DataTable.Col source="nameRu">
          <TextField source="nameRu" lang="ru" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
