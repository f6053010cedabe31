import { Box, CardContent, Grid, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { Detail } from '../common/Detail';
import { DateText } from '../common/fields';
import { actionLabel, ChangeList } from './AuditTrail';

function Json({ value }: { value: unknown }) {
  return (
    <Box
      component="pre"
      dir="ltr"
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'grey.50',
        borderRadius: 1,
        overflow: 'auto',
        maxHeight: 420,
        fontSize: '0.8rem',
        textAlign: 'left',
      }}
    >
      {value == null ? '—' : JSON.stringify(value, null, 2)}
    </Box>
  );
}

function Body() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Grid container spacing={3}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.audit-events.fields.at">
            <DateText value={record.at} time />
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.audit-events.fields.actorName">
            {record.actorName ?? translate('rabta.history.system')}
            {record.actorEmail && (
              <Box component="span" dir="ltr" sx={{ display: 'block', color: 'text.secondary' }}>
                {record.actorEmail}
              </Box>
            )}
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.audit-events.fields.action">{actionLabel(translate, record.action)}</Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.audit-events.fields.entity">
            {record.entity} {record.entityId ? `#${record.entityId}` : ''}
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.audit-events.fields.ip">{record.ip ?? '—'}</Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 9 }}>
          <Detail label="resources.audit-events.fields.requestId">
            <span dir="ltr">{record.requestId ?? '—'}</span>
          </Detail>
        </Grid>
      </Grid>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('rabta.history.changes')}
      </Typography>
      <ChangeList entity={record.entity} action={record.action} before={record.before} after={record.after} />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Detail label="rabta.history.before">
            <Json value={record.before} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Detail label="rabta.history.after">
            <Json value={record.after} />
          </Detail>
        </Grid>
      </Grid>
    </CardContent>
  );
}

export default function AuditEventShow() {
  return (
    <Show actions={false}>
      <Body />
    </Show>
  );
}
