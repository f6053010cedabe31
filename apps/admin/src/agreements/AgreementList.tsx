import { DataTable, ReferenceArrayField, SearchInput, SelectInput } from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { LocalDateField } from '../common/fields';
import { InitiativeInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices.agreementKind} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices.agreementStatus} />,
  <InitiativeInput key="initiativeId" source="initiativeId" />,
];

export default function AgreementList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'signedDate', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="titleEn" label="resources.agreements.fields.title">
          <BilingualText source="title" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" name="agreement_kind" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="agreement_status" />
        </DataTable.Col>
        <DataTable.Col source="signedDate">
          <LocalDateField source="signedDate" />
        </DataTable.Col>
        <DataTable.Col source="partyCountryCodes" disableSort>
          <ReferenceArrayField source="partyCountryCodes" reference="countries" />
        </DataTable.Col>
        <DataTable.Col source="initiativeIds" disableSort>
          <ReferenceArrayField source="initiativeIds" reference="initiatives" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
