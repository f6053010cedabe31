import { DataTable, ReferenceField, SelectInput } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualText } from '../common/Bilingual';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { LocalDateField } from '../common/fields';
import { EngagementInput, InitiativeInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';

const filters = [
  <EngagementInput key="engagementId" source="engagementId" alwaysOn />,
  <InitiativeInput key="initiativeId" source="initiativeId" alwaysOn />,
  <SelectInput key="state" source="state" choices={choices.decisionState} alwaysOn />,
  <DateInput key="dueDate_lte" source="dueDate_lte" />,
];

export default function DecisionList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'dueDate', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="textEn" label="resources.decisions.fields.text" disableSort>
          <BilingualText source="text" />
        </DataTable.Col>
        <DataTable.Col source="engagementId">
          <ReferenceField source="engagementId" reference="engagements" link="show" />
        </DataTable.Col>
        <DataTable.Col source="initiativeId" disableSort>
          <ReferenceField source="initiativeId" reference="initiatives" link="show" />
        </DataTable.Col>
        <DataTable.Col source="dueDate">
          <LocalDateField source="dueDate" />
        </DataTable.Col>
        <DataTable.Col source="state">
          <EnumField source="state" name="decision_state" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
