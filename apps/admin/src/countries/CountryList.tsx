import { DataTable, TextField } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { RabtaList } from '../common/RabtaList';
import { useAppLocale } from '../i18n/format';
import { fieldIn } from '../common/bilingual';

export default function CountryList() {
  // Sorting by the title follows the language it is shown in.
  const locale = useAppLocale();
  return (
    <RabtaList sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="code">
          <TextField source="id" />
        </DataTable.Col>
        <DataTable.Col source={fieldIn('name', locale)} label="resources.countries.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
        <DataTable.Col source="nameRu" disableSort>
          <TextField source="nameRu" lang="ru" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
