import { Card, CardContent, Grid } from '@mui/material';
import { DataTable, ReferenceArrayField, ReferenceField, Show, useCanAccess, useRecordContext } from 'react-admin';
import { BilingualPair, BilingualText } from '../common/Bilingual';
import { EnumField, EnumText } from '../common/chips';
import { Detail } from '../common/Detail';
import { DateText, LocalDateField } from '../common/fields';
import { RelatedRecords, RelatedTable } from '../common/RelatedCard';
import { RabtaShowActions } from '../common/ShowActions';

function Decisions() {
  const record = useRecordContext();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'engagements', record });
  return (
    <RelatedRecords
      title="resources.engagements.fields.decisions"
      reference="decisions"
      target="engagementId"
      addLabel="rabta.actions.add_decision"
      allowed={!!canEdit}
      sort={{ field: 'dueDate', order: 'ASC' }}
    >
      <RelatedTable>
        <DataTable.Col source="textEn" label="resources.decisions.fields.text" disableSort>
          <BilingualText source="text" />
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
      </RelatedTable>
    </RelatedRecords>
  );
}

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <BilingualPair source="title" label="resources.engagements.fields.title" />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.engagements.fields.format">
            <EnumText name="engagement_format" value={record.format} />
          </Detail>
          <Detail label="resources.engagements.fields.status">
            <EnumText name="engagement_status" value={record.status} />
          </Detail>
          <Detail label="resources.engagements.fields.startDate">
            <DateText value={record.startDate} />
            {record.endDate && record.endDate !== record.startDate && (
              <>
                {' – '}
                <DateText value={record.endDate} />
              </>
            )}
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.engagements.fields.countryCode">
            {record.countryCode ? <ReferenceField source="countryCode" reference="countries" link={false} /> : '—'}
          </Detail>
          <Detail label="resources.engagements.fields.forumName">{record.forumName ?? '—'}</Detail>
          <Detail label="resources.engagements.fields.sessionNumber">{record.sessionNumber ?? '—'}</Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.engagements.fields.participantIds">
            <ReferenceArrayField source="participantIds" reference="people" />
          </Detail>
          <Detail label="resources.engagements.fields.initiativeIds">
            <ReferenceArrayField source="initiativeIds" reference="initiatives" />
          </Detail>
          {record.previousId && (
            <Detail label="resources.engagements.fields.previousId">
              <ReferenceField source="previousId" reference="engagements" link="show" />
            </Detail>
          )}
        </Grid>
      </Grid>
      <BilingualPair source="place" label="resources.engagements.fields.place" />
      <BilingualPair source="outcome" label="resources.engagements.fields.outcome" multiline />
    </CardContent>
  );
}

export default function EngagementShow() {
  return (
    <Show actions={<RabtaShowActions />} component="div">
      <Card>
        <Body />
      </Card>
      <Decisions />
    </Show>
  );
}
