import { DataTable, TextField } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { RabtaList } from '../common/RabtaList';

export default function SectorList() {
  return (
    <RabtaList sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="code">
          <TextField source="code" />
        </DataTable.Col>
        <DataTable.Col source="nameEn" label="resources.sectors.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
