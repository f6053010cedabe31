import { Chip, Grid, Stack } from '@mui/material';
import { ReferenceArrayField, ReferenceField, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { BilingualPair } from '../../common/Bilingual';
import { EnumText } from '../../common/chips';
import { Detail } from '../../common/Detail';
import { DateText, MoneyField } from '../../common/fields';

function CountriesWithRoles() {
  const record = useRecordContext();
  const translate = useTranslate();
  const countries = (record?.countries as { code: string; role: string }[] | undefined) ?? [];
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {countries.map((c) => (
        <Chip
          key={c.code}
          size="small"
          variant="outlined"
          label={
            <>
              <ReferenceField record={c as unknown as RaRecord} source="code" reference="countries" link={false} />
              {' · '}
              {translate(`enums.country_role.${c.role}`, { _: c.role })}
            </>
          }
        />
      ))}
    </Stack>
  );
}

/** The initiative's facts: summary, location, tags, sectors, participants, leads, dates, value. */
export function OverviewTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={4}>
      <Grid size={{ xs: 12, md: 7 }}>
        <BilingualPair source="summary" label="resources.initiatives.fields.summary" multiline />
        <BilingualPair source="location" label="resources.initiatives.fields.location" />
        {record.tags?.length > 0 && (
          <Detail label="resources.initiatives.fields.tags">
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
              {record.tags.map((t: string) => (
                <Chip key={t} size="small" label={t} />
              ))}
            </Stack>
          </Detail>
        )}
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Detail label="resources.initiatives.fields.sectorIds">
          <ReferenceArrayField source="sectorIds" reference="sectors" />
        </Detail>
        <Detail label="rabta.initiative.participants">
          <CountriesWithRoles />
        </Detail>
        <Detail label="resources.initiatives.fields.leadOrganizationIds">
          <ReferenceArrayField source="leadOrganizationIds" reference="organizations" />
        </Detail>
        <Detail label="resources.initiatives.fields.focalPersonId">
          {record.focalPersonId ? (
            <ReferenceField source="focalPersonId" reference="people" link="show" />
          ) : (
            translate('rabta.common.none')
          )}
        </Detail>
        <Stack direction="row" spacing={4}>
          <Detail label="resources.initiatives.fields.priority">
            <EnumText name="priority" value={record.priority} />
          </Detail>
          <Detail label="resources.initiatives.fields.startDate">
            <DateText value={record.startDate} />
          </Detail>
          <Detail label="resources.initiatives.fields.targetDate">
            <DateText value={record.targetDate} />
          </Detail>
        </Stack>
        {record.estimatedValue != null && (
          <Detail label="resources.initiatives.fields.estimatedValue">
            <MoneyField source="estimatedValue" currencySource="currency" />
          </Detail>
        )}
        <Detail label="resources.initiatives.fields.updatedAt">
          <DateText value={record.updatedAt} time />
        </Detail>
      </Grid>
    </Grid>
  );
}
