import { BooleanInput, DataTable, ReferenceField, SearchInput, SelectInput, useCanAccess } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualText } from '../common/Bilingual';
import { BulkSetButton } from '../common/BulkSetButton';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { LocalDateField } from '../common/fields';
import { InitiativeInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';
import { SlippageField } from './MilestoneLedger';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <InitiativeInput key="initiativeId" source="initiativeId" alwaysOn />,
  <SelectInput key="state" source="state" choices={choices.milestoneState} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices.milestoneKind} />,
  <DateInput key="plannedDate_gte" source="plannedDate_gte" />,
  <DateInput key="plannedDate_lte" source="plannedDate_lte" />,
  <BooleanInput key="overdue" source="overdue" />,
];

export default function MilestoneList() {
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'milestones' });
  return (
    <RabtaList filters={filters} sort={{ field: 'plannedDate', order: 'ASC' }}>
      <DataTable
        rowClick="show"
        bulkActionButtons={
          canEdit ? (
            <BulkSetButton
              field="state"
              label="rabta.actions.change_state"
              choices={choices.milestoneState}
              done="rabta.actions.state_changed"
            />
          ) : (
            false
          )
        }
      >
        <DataTable.Col source="titleEn" label="resources.milestones.fields.title">
          <BilingualText source="title" />
        </DataTable.Col>
        <DataTable.Col source="initiativeId">
          <ReferenceField source="initiativeId" reference="initiatives" link="show" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" name="milestone_kind" />
        </DataTable.Col>
        <DataTable.Col source="state">
          <EnumField source="state" name="milestone_state" />
        </DataTable.Col>
        <DataTable.Col source="plannedDate">
          <LocalDateField source="plannedDate" />
        </DataTable.Col>
        <DataTable.Col source="actualDate">
          <LocalDateField source="actualDate" />
        </DataTable.Col>
        <DataTable.Col source="slippageDays" field={SlippageField} disableSort />
      </DataTable>
    </RabtaList>
  );
}
