import { Card, CardContent, Chip, Grid, Stack } from '@mui/material';
import { DataTable, ReferenceField, Show, useCanAccess, useRecordContext } from 'react-admin';
import { BilingualPair, BilingualText } from '../common/Bilingual';
import { Detail } from '../common/Detail';
import { LocalDateField } from '../common/fields';
import { RelatedRecords, RelatedTable } from '../common/RelatedCard';
import { RabtaShowActions } from '../common/ShowActions';

function Positions() {
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'positions' });
  return (
    <RelatedRecords
      title="resources.people.fields.positions"
      reference="positions"
      target="personId"
      addLabel="rabta.actions.add_position"
      allowed={!!canCreate}
      sort={{ field: 'fromDate', order: 'DESC' }}
    >
      <RelatedTable>
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
      </RelatedTable>
    </RelatedRecords>
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
