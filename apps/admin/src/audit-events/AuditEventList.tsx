import { DataTable, TextField, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { LocalDateField } from '../common/fields';
import { RabtaList } from '../common/RabtaList';
import { actionLabel, ChangeList } from './AuditTrail';

const filters = [
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <TextInput key="action" source="action" />,
  <TextInput key="actorId" source="actorId" />,
  <DateInput key="at_gte" source="at_gte" />,
  <DateInput key="at_lte" source="at_lte" />,
];

function Action() {
  const record = useRecordContext();
  const translate = useTranslate();
  return record ? <>{actionLabel(translate, record.action)}</> : null;
}

function Changes() {
  const record = useRecordContext();
  return record ? (
    <ChangeList entity={record.entity} action={record.action} before={record.before} after={record.after} />
  ) : null;
}

export default function AuditEventList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'at', order: 'DESC' }} create={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="at">
          <LocalDateField source="at" time />
        </DataTable.Col>
        <DataTable.Col source="actorName" disableSort>
          <TextField source="actorName" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="action" field={Action} />
        <DataTable.Col source="entity">
          <TextField source="entity" />
        </DataTable.Col>
        <DataTable.Col source="entityId" disableSort>
          <TextField source="entityId" />
        </DataTable.Col>
        <DataTable.Col source="after" label="rabta.history.changes" disableSort field={Changes} />
      </DataTable>
    </RabtaList>
  );
}
