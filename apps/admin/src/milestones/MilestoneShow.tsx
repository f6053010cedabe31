import { Card, CardContent, Grid, Typography } from '@mui/material';
import { ReferenceField, Show, useRecordContext, useTranslate } from 'react-admin';
import { AuditTrail } from '../audit-events/AuditTrail';
import { BilingualPair } from '../common/Bilingual';
import { EnumText } from '../common/chips';
import { Detail } from '../common/Detail';
import { DateText } from '../common/fields';
import { RabtaShowActions } from '../common/ShowActions';
import { MilestoneLedger, SlippageChip } from './MilestoneLedger';

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <BilingualPair source="title" label="resources.milestones.fields.title" />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.milestones.fields.initiativeId">
            <ReferenceField source="initiativeId" reference="initiatives" link="show" />
          </Detail>
          <Detail label="resources.milestones.fields.kind">
            <EnumText name="milestone_kind" value={record.kind} />
          </Detail>
          <Detail label="resources.milestones.fields.state">
            <EnumText name="milestone_state" value={record.state} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.milestones.fields.originalPlannedDate">
            <DateText value={record.originalPlannedDate} />
          </Detail>
          <Detail label="resources.milestones.fields.plannedDate">
            <DateText value={record.plannedDate} />
          </Detail>
          <Detail label="resources.milestones.fields.actualDate">
            <DateText value={record.actualDate} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.milestones.fields.slippageDays">
            <SlippageChip days={record.slippageDays} overdue={record.overdue} />
          </Detail>
          <Detail label="resources.milestones.fields.ownerOrganizationId">
            {record.ownerOrganizationId ? (
              <ReferenceField source="ownerOrganizationId" reference="organizations" link="show" />
            ) : (
              '—'
            )}
          </Detail>
          <Detail label="resources.milestones.fields.ownerPersonId">
            {record.ownerPersonId ? <ReferenceField source="ownerPersonId" reference="people" link="show" /> : '—'}
          </Detail>
        </Grid>
      </Grid>
      <MilestoneLedger />
    </CardContent>
  );
}

function History() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('rabta.initiative.audit_trail')}
        </Typography>
        <AuditTrail entity="milestones" entityId={record.id} initiativeId={record.initiativeId} />
      </CardContent>
    </Card>
  );
}

export default function MilestoneShow() {
  return (
    <Show actions={<RabtaShowActions />} component="div">
      <Card>
        <Body />
      </Card>
      <History />
    </Show>
  );
}
