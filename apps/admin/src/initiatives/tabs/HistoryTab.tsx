import { Box, Divider, Typography } from '@mui/material';
import { DataTable, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { AuditTrail } from '../../audit-events/AuditTrail';
import { BilingualText } from '../../common/Bilingual';
import { DevelopmentChip, Transition } from '../../common/chips';
import { LocalDateField } from '../../common/fields';

function StatusHistory() {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="status-updates"
      target="initiativeId"
      sort={{ field: 'effectiveAt', order: 'DESC' }}
      perPage={200}
    >
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        data-testid="status-history"
        empty={<Typography color="text.secondary">{translate('rabta.history.empty')}</Typography>}
      >
        <DataTable.Col source="effectiveAt">
          <LocalDateField source="effectiveAt" />
        </DataTable.Col>
        <DataTable.Col
          source="toStage"
          label="resources.initiatives.fields.stage"
          disableSort
          render={(r) =>
            r.development ? <DevelopmentChip /> : <Transition from={r.fromStage} to={r.toStage} kind="stage" />
          }
        />
        <DataTable.Col
          source="toHealth"
          label="resources.initiatives.fields.health"
          disableSort
          render={(r) => <Transition from={r.fromHealth} to={r.toHealth} kind="health" />}
        />
        <DataTable.Col source="noteEn" label="resources.status-updates.fields.note" disableSort>
          <BilingualText source="note" />
        </DataTable.Col>
        <DataTable.Col source="authorName" disableSort />
        <DataTable.Col source="recordedAt">
          <LocalDateField source="recordedAt" time />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}

/** The status history (each update opens its page) and the audit trail of the initiative record. */
export function HistoryTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('rabta.initiative.status_history')}
      </Typography>
      <StatusHistory />
      <Divider sx={{ my: 3 }} />
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('rabta.initiative.audit_trail')}
      </Typography>
      <AuditTrail entity="initiatives" entityId={record.id} />
    </Box>
  );
}
