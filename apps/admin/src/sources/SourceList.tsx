import { DataTable, SearchInput, SelectInput, TextField, useRecordContext } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { LocalDateField } from '../common/fields';
import { InitiativeInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices.sourceKind} alwaysOn />,
  <SelectInput key="language" source="language" choices={choices.language} alwaysOn />,
  <DateInput key="publishedAt_gte" source="publishedAt_gte" />,
  <DateInput key="publishedAt_lte" source="publishedAt_lte" />,
  <InitiativeInput key="initiativeId" source="initiativeId" />,
];

function Title() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <span
      dir={record.language === 'ur' ? 'rtl' : 'auto'}
      lang={record.language !== 'other' ? record.language : undefined}
    >
      {record.title}
    </span>
  );
}

export default function SourceList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'publishedAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="publishedAt">
          <LocalDateField source="publishedAt" />
        </DataTable.Col>
        <DataTable.Col source="title" field={Title} />
        <DataTable.Col source="publisher">
          <TextField source="publisher" />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort>
          <EnumField source="kind" name="source_kind" />
        </DataTable.Col>
        <DataTable.Col source="language">
          <EnumField source="language" name="language" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
