import { Card, CardContent, Grid, Typography } from '@mui/material';
import { DataTable, ReferenceField, ReferenceManyField, Show, useRecordContext, useTranslate } from 'react-admin';
import { BilingualPair, BilingualText } from '../common/Bilingual';
import { EnumText } from '../common/chips';
import { Detail } from '../common/Detail';
import { LocalDateField } from '../common/fields';
import { RelatedTable } from '../common/RelatedCard';
import { RabtaShowActions } from '../common/ShowActions';

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <BilingualPair source="name" label="resources.organizations.fields.name" />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 3 }}>
          <Detail label="resources.organizations.fields.acronym">{record.acronym ?? '—'}</Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Detail label="resources.organizations.fields.kind">
            <EnumText name="organization_kind" value={record.kind} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Detail label="resources.organizations.fields.countryCode">
            {record.countryCode ? <ReferenceField source="countryCode" reference="countries" link={false} /> : '—'}
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Detail label="resources.organizations.fields.parentId">
            {record.parentId ? <ReferenceField source="parentId" reference="organizations" link="show" /> : '—'}
          </Detail>
        </Grid>
      </Grid>
    </CardContent>
  );
}

function People() {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('resources.positions.name', { smart_count: 2 })}
        </Typography>
        <ReferenceManyField
          reference="positions"
          target="organizationId"
          sort={{ field: 'fromDate', order: 'DESC' }}
          perPage={100}
        >
          <RelatedTable>
            <DataTable.Col source="personId">
              <ReferenceField source="personId" reference="people" link="show" />
            </DataTable.Col>
            <DataTable.Col source="titleEn" label="resources.positions.fields.title">
              <BilingualText source="title" />
            </DataTable.Col>
            <DataTable.Col source="fromDate">
              <LocalDateField source="fromDate" />
            </DataTable.Col>
            <DataTable.Col source="toDate">
              <LocalDateField source="toDate" />
            </DataTable.Col>
          </RelatedTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
}

export default function OrganizationShow() {
  return (
    <Show actions={<RabtaShowActions />} component="div">
      <Card>
        <Body />
      </Card>
      <People />
    </Show>
  );
}
