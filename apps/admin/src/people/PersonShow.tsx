import { Box, Button, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, Link, ReferenceField, ReferenceManyField, Show, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { BilingualPair, BilingualText } from '../common/Bilingual';
import { Detail } from '../common/Detail';
import { LocalDateField } from '../common/fields';
import { RabtaShowActions } from '../common/ShowActions';
import { useAsOf } from '../common/useAsOf';

function Positions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { past } = useAsOf();
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'positions' });
  if (!record) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('resources.people.fields.positions')}
          </Typography>
          {canCreate && !past && (
            <Button component={Link} to={`/positions/create?source=${encodeURIComponent(JSON.stringify({ personId: record.id }))}`} startIcon={<AddIcon />}>
              {translate('rabta.actions.add_position')}
            </Button>
          )}
        </Box>
        <ReferenceManyField reference="positions" target="personId" sort={{ field: 'fromDate', order: 'DESC' }} perPage={100}>
          <DataTable rowClick="edit" bulkActionButtons={false} empty={<Typography color="text.secondary">{translate('rabta.dashboard.empty')}</Typography>}>
            <DataTable.Col source="titleEn" label="resources.positions.fields.title">
              <BilingualText source="title" />
            </DataTable.Col>
            <DataTable.Col source="organizationId" disableSort>
              <ReferenceField source="organizationId" reference="organizations" link="show" />
            </DataTable.Col>
            <DataTable.Col source="fromDate">
              <LocalDateField source="fromDate" />
            </DataTable.Col>
            <DataTable.Col source="toDate">
              <LocalDateField source="toDate" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
}

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <BilingualPair source="name" label="resources.people.fields.name" />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.people.fields.nameRu">
            <span lang="ru">{record.nameRu ?? '—'}</span>
          </Detail>
          <Detail label="resources.people.fields.countryCode">
            {record.countryCode ? <ReferenceField source="countryCode" reference="countries" link={false} /> : '—'}
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Detail label="resources.people.fields.currentTitle">
            <BilingualText source="currentTitle" />
          </Detail>
          <Detail label="resources.people.fields.aliases">
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
              {(record.aliases ?? []).map((a: string) => (
                <Chip key={a} size="small" label={<span dir="auto">{a}</span>} />
              ))}
            </Stack>
          </Detail>
        </Grid>
      </Grid>
    </CardContent>
  );
}

export default function PersonShow() {
  return (
    <Show actions={<RabtaShowActions />} component="div">
      <Card>
        <Body />
      </Card>
      <Positions />
    </Show>
  );
}
