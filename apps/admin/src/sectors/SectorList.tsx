import { DataTable, TextField } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { RabtaList } from '../common/RabtaList';
import { useAppLocale } from '../i18n/format';
import { fieldIn } from '../common/bilingual';

export default function SectorList() {
  // Sorting by the title follows the language it is shown in.
  const locale = useAppLocale();
  return (
    <RabtaList sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="code">
          <TextField source="code" />
        </DataTable.Col>
        <DataTable.Col source={fieldIn('name', locale)} label="resources.sectors.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
        <DataTable.Col source="dacCode" disableSort>
          <TextField source="dacCode" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
