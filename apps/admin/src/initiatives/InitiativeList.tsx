import { Box, Chip, Tooltip } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  ReferenceArrayField,
  SearchInput,
  SelectInput,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualText } from '../common/Bilingual';
import { choices } from '../common/choices';
import { HealthField, StageField } from '../common/chips';
import { CountryCodesField, LocalDateField } from '../common/fields';
import { CountryInput, SectorInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';
import { BulkArchiveButton, BulkHealthButton } from './bulk';
import { useAppLocale } from '../i18n/format';
import { fieldIn } from '../common/bilingual';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={choices.stage} alwaysOn />,
  <SelectInput key="health" source="health" choices={choices.health} alwaysOn />,
  <SectorInput key="sectorId" source="sectorId" />,
  <CountryInput key="countryCode" source="countryCode" />,
  <SelectInput key="priority" source="priority" choices={choices.priority} />,
  <BooleanInput key="stale" source="stale" />,
  <BooleanInput key="archived" source="archived" />,
  <DateInput key="updatedAt_gte" source="updatedAt_gte" />,
];

function TitleCell() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <BilingualText source="title" />
      {record.stale && (
        <Tooltip title={translate('rabta.initiative.stale_help')}>
          <Chip size="small" variant="outlined" color="warning" label={translate('rabta.initiative.stale')} />
        </Tooltip>
      )}
      {record.archivedAt && <Chip size="small" variant="outlined" label={translate('rabta.initiative.archived')} />}
    </Box>
  );
}

const BulkActions = () => (
  <>
    <BulkHealthButton />
    <BulkArchiveButton />
  </>
);

export default function InitiativeList() {
  // Sorting by the title follows the language it is shown in.
  const locale = useAppLocale();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'initiatives' });
  return (
    <RabtaList filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }}>
      {/* Fits a 1,366 px screen beside the menu, in English and in Urdu: narrower cell padding, chips that wrap. */}
      <DataTable
        rowClick="show"
        bulkActionButtons={canEdit ? <BulkActions /> : false}
        data-testid="initiatives-table"
        sx={{
          '& .MuiTableCell-root': { paddingInline: '8px' },
          '& .MuiTableCell-root:first-of-type': { paddingInlineStart: '12px' },
          '& .MuiChip-root': { maxWidth: '100%' },
        }}
      >
        <DataTable.Col source="code" sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }} />
        <DataTable.Col
          source={fieldIn('title', locale)}
          label="resources.initiatives.fields.title"
          field={TitleCell}
          sx={{ minWidth: 200 }}
        />
        <DataTable.Col source="stage" field={StageField} />
        <DataTable.Col source="health" field={HealthField} />
        <DataTable.Col source="sectorIds" disableSort>
          <ReferenceArrayField source="sectorIds" reference="sectors" />
        </DataTable.Col>
        <DataTable.Col source="countryCodes" disableSort>
          <CountryCodesField source="countryCodes" />
        </DataTable.Col>
        <DataTable.Col source="targetDate" sx={{ whiteSpace: 'nowrap' }}>
          <LocalDateField source="targetDate" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" sx={{ whiteSpace: 'nowrap' }}>
          <LocalDateField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
