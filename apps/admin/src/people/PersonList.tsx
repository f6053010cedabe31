import { DataTable, ReferenceField, SearchInput } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { CountryInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';
import { useAppLocale } from '../i18n/format';
import { fieldIn } from '../common/bilingual';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CountryInput key="countryCode" source="countryCode" alwaysOn />,
];

export default function PersonList() {
  // Sorting by the title follows the language it is shown in.
  const locale = useAppLocale();
  return (
    <RabtaList filters={filters} sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source={fieldIn('name', locale)} label="resources.people.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
        <DataTable.Col source="currentTitleEn" label="resources.people.fields.currentTitle" disableSort>
          <BilingualText source="currentTitle" />
        </DataTable.Col>
        <DataTable.Col source="countryCode">
          <ReferenceField source="countryCode" reference="countries" link={false} />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
