import { Chip } from '@mui/material';
import {
  BooleanField,
  DataTable,
  ReferenceArrayField,
  SearchInput,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { RabtaList } from '../common/RabtaList';
import { LockedChip } from './UserLockCard';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={choices.role} alwaysOn />,
  <SelectInput key="disabled" source="disabled" choices={choices.booleanFilter} />,
  <SelectInput key="locked" source="locked" choices={choices.booleanFilter} />,
];

function Scope() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.sectorIds?.length)
    return <Chip size="small" variant="outlined" label={translate('rabta.users.all_sectors')} />;
  return <ReferenceArrayField source="sectorIds" reference="sectors" />;
}

export default function UserList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name">
          <TextField source="name" />
        </DataTable.Col>
        <DataTable.Col source="email">
          <TextField source="email" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" name="role" />
        </DataTable.Col>
        <DataTable.Col source="sectorIds" disableSort field={Scope} />
        <DataTable.Col source="locale">
          <EnumField source="locale" name="locale" />
        </DataTable.Col>
        <DataTable.Col source="disabled">
          <BooleanField source="disabled" />
        </DataTable.Col>
        <DataTable.Col source="lockedUntil" disableSort field={LockedChip} />
      </DataTable>
    </RabtaList>
  );
}
