import { DataTable, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { CountryInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';
import { useAppLocale } from '../i18n/format';
import { fieldIn } from '../common/bilingual';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices.organizationKind} alwaysOn />,
  <CountryInput key="countryCode" source="countryCode" />,
];

export default function OrganizationList() {
  // Sorting by the title follows the language it is shown in.
  const locale = useAppLocale();
  return (
    <RabtaList filters={filters} sort={{ field: 'nameEn', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source={fieldIn('name', locale)} label="resources.organizations.fields.name">
          <BilingualText source="name" />
        </DataTable.Col>
        <DataTable.Col source="acronym">
          <TextField source="acronym" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" name="organization_kind" />
        </DataTable.Col>
        <DataTable.Col source="countryCode">
          <ReferenceField source="countryCode" reference="countries" link={false} />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
