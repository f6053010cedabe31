import { Box, CardContent, Grid, Stack } from '@mui/material';
import { ReferenceArrayField, ReferenceField, Show, useRecordContext } from 'react-admin';
import { BilingualPair } from '../common/Bilingual';
import { DevelopmentChip, EnumText, Transition } from '../common/chips';
import { Detail } from '../common/Detail';
import { DateText } from '../common/fields';
import { RabtaShowActions } from '../common/ShowActions';
import { AddEvidenceButton } from './AddEvidenceDialog';

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Detail label="resources.status-updates.fields.initiativeId">
            <ReferenceField source="initiativeId" reference="initiatives" link="show" />
          </Detail>
          {record.development && <DevelopmentChip />}
          <Stack direction="row" spacing={4}>
            <Detail label="resources.status-updates.fields.toStage">
              <Transition from={record.fromStage} to={record.toStage} kind="stage" />
            </Detail>
            <Detail label="resources.status-updates.fields.toHealth">
              <Transition from={record.fromHealth} to={record.toHealth} kind="health" />
            </Detail>
          </Stack>
          {record.healthConfidence && (
            <Detail label="resources.status-updates.fields.healthConfidence">
              <EnumText name="confidence" value={record.healthConfidence} />
            </Detail>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Detail label="resources.status-updates.fields.effectiveAt">
            <DateText value={record.effectiveAt} />
          </Detail>
          <Detail label="resources.status-updates.fields.recordedAt">
            <DateText value={record.recordedAt} time />
          </Detail>
          {record.authorName && <Detail label="resources.status-updates.fields.authorName">{record.authorName}</Detail>}
        </Grid>
      </Grid>
      <BilingualPair source="note" label="resources.status-updates.fields.note" multiline />
      <Box>
        <Detail label="resources.status-updates.fields.sourceIds">
          <ReferenceArrayField source="sourceIds" reference="sources" />
        </Detail>
        <AddEvidenceButton record={record} />
      </Box>
    </CardContent>
  );
}

export default function StatusUpdateShow() {
  return (
    <Show actions={<RabtaShowActions />}>
      <Body />
    </Show>
  );
}
