import { Autocomplete, Button, Grid, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { HEALTHS, INITIATIVE_STAGES } from '@rabta/domain/values';
import { REPORT_KIND_PARAMS, type ReportParamKey } from '@rabta/domain/schemas/reports';
import { textOf } from '../common/bilingual';
import { meetingText } from '../common/inputs';
import { useAppLocale, useFormatters } from '../i18n/format';
import { LocalDateField } from '../common/LocalDateInput';
import { listReports } from './api';
import type { ReportParams } from './api';
import type { ReportKind } from '@rabta/domain/enums';

// The parameters of a report, those its kind takes (REPORT_KIND_PARAMS of @rabta/domain, the server's own rule).
// `fixed`: the parameters a schedule takes from each run (as of, known at, period) are not offered.

interface Option {
  id: number | string;
  label: string;
}

function useOptions(
  resource: string,
  q: string,
  label: (r: Record<string, unknown>) => string,
  perPage = 200,
  sort = 'id',
): Option[] {
  const { data } = useGetList(resource, {
    pagination: { page: 1, perPage },
    sort: { field: sort, order: 'ASC' },
    filter: q ? { q } : {},
  });
  return (data ?? []).map((r) => ({ id: r.id, label: label(r) }));
}

function MultiPick({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: Option[];
  value: (string | number)[];
  onChange: (v: (string | number)[]) => void;
  testId: string;
}) {
  const selected = options.filter((o) => value.includes(o.id));
  return (
    <Autocomplete
      multiple
      options={options}
      value={selected}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, v) => onChange(v.map((o) => o.id))}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
      size="small"
    />
  );
}

function SearchPick({
  label,
  resource,
  text,
  value,
  onChange,
  testId,
}: {
  label: string;
  resource: string;
  text: (r: Record<string, unknown>) => string;
  value?: number;
  onChange: (v?: number) => void;
  testId: string;
}) {
  const [q, setQ] = useState('');
  const options = useOptions(resource, q, text, 20, resource === 'engagements' ? 'startDate' : 'id');
  const { data: current } = useGetList(
    resource,
    { pagination: { page: 1, perPage: 1 }, filter: value ? { id: [value] } : { id: [] } },
    { enabled: !!value },
  );
  const selected = value
    ? (options.find((o) => o.id === value) ?? (current?.[0] ? { id: current[0].id, label: text(current[0]) } : null))
    : null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_, v, reason) => reason === 'input' && setQ(v)}
      onChange={(_, v) => onChange(v ? Number(v.id) : undefined)}
      renderInput={(params) => (
        <TextField
          {...params}
          required
          label={label}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
      size="small"
    />
  );
}

/** The day of the last portfolio report made (its "as of"), to offer the period since then. */
function useLastReportDay(enabled: boolean): string | undefined {
  const { data } = useQuery({
    queryKey: ['reports', 'last-portfolio'],
    queryFn: () => listReports({ kind: 'portfolio', status: 'done' }, [0, 0]),
    enabled,
  });
  return enabled ? (data?.[0]?.params.asOf ?? undefined) : undefined;
}

export function ParamsFields({
  kind,
  params,
  onChange,
  errors,
  fixed = [],
}: {
  kind: ReportKind;
  params: ReportParams;
  onChange: (p: ReportParams) => void;
  errors: Record<string, string>;
  fixed?: readonly ReportParamKey[];
}) {
  const translate = useTranslate();
  const locale = useAppLocale();
  const fmt = useFormatters();
  const allowed = REPORT_KIND_PARAMS[kind].allowed.filter((k: ReportParamKey) => !fixed.includes(k));
  const has = (k: ReportParamKey) => allowed.includes(k);
  const set = (k: ReportParamKey, v: unknown) => {
    const next = { ...params } as Record<string, unknown>;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    else next[k] = v;
    onChange(next as ReportParams);
  };
  const label = (k: string) => translate(`rabta.reports.params.${k}`);
  const err = (k: string) => errors[`params.${k}`];
  const sectors = useOptions('sectors', '', (r) => textOf(r, 'name', locale));
  const countries = useOptions('countries', '', (r) => textOf(r, 'name', locale), 300, 'code');
  // A portfolio's period: by default the last 30 days, or back to the latest news (the server's rule); or since the
  // date of the last portfolio report.
  const lastReport = useLastReportDay(kind === 'portfolio' && has('from'));
  const date = (k: 'asOf' | 'from' | 'to') =>
    has(k) && (
      <Grid size={{ xs: 12, sm: 4 }} key={k}>
        <LocalDateField
          label={label(k)}
          value={(params[k] as string | undefined) ?? ''}
          onChange={(v) => set(k, v || undefined)}
          error={err(k)}
          helperText={translate(
            kind === 'portfolio' && k === 'from'
              ? 'rabta.reports.params.from_help_portfolio'
              : `rabta.reports.params.${k}_help`,
          )}
          testId={`report-${k}`}
        />
        {k === 'from' && lastReport && params.from !== lastReport && (
          <Button size="small" onClick={() => set('from', lastReport)} data-testid="report-since-last">
            {translate('rabta.reports.since_last', { date: fmt.date(lastReport) })}
          </Button>
        )}
      </Grid>
    );
  return (
    <Grid container spacing={2}>
      {has('initiativeId') && (
        <Grid size={12}>
          <SearchPick
            label={label('initiativeId')}
            resource="initiatives"
            text={(r) => `${r.code as string} — ${textOf(r, 'title', locale)}`}
            value={params.initiativeId}
            onChange={(v) => set('initiativeId', v)}
            testId="report-initiative"
          />
        </Grid>
      )}
      {has('engagementId') && (
        <Grid size={12}>
          <SearchPick
            label={label('engagementId')}
            resource="engagements"
            text={meetingText}
            value={params.engagementId}
            onChange={(v) => set('engagementId', v)}
            testId="report-engagement"
          />
        </Grid>
      )}
      {date('asOf')}
      {date('from')}
      {date('to')}
      {has('knownAt') && (
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            type="datetime-local"
            fullWidth
            size="small"
            label={label('knownAt')}
            value={params.knownAt ? toLocalInput(params.knownAt) : ''}
            onChange={(e) => set('knownAt', e.target.value ? new Date(e.target.value).toISOString() : undefined)}
            error={!!err('knownAt')}
            helperText={err('knownAt') ?? translate('rabta.reports.params.knownAt_help')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-knownAt' } }}
          />
        </Grid>
      )}
      {has('sectorIds') && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <MultiPick
            label={label('sectorIds')}
            options={sectors}
            value={params.sectorIds ?? []}
            onChange={(v) => set('sectorIds', v.map(Number))}
            testId="report-sectors"
          />
        </Grid>
      )}
      {has('countryCodes') && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <MultiPick
            label={label('countryCodes')}
            options={countries}
            value={params.countryCodes ?? []}
            onChange={(v) => set('countryCodes', v.map(String))}
            testId="report-countries"
          />
        </Grid>
      )}
      {has('stages') && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <MultiPick
            label={label('stages')}
            options={INITIATIVE_STAGES.map((s) => ({ id: s, label: translate(`enums.stage.${s}`) }))}
            value={params.stages ?? []}
            onChange={(v) => set('stages', v)}
            testId="report-stages"
          />
        </Grid>
      )}
      {has('health') && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <MultiPick
            label={label('health')}
            options={HEALTHS.map((h) => ({ id: h, label: translate(`enums.health.${h}`) }))}
            value={params.health ?? []}
            onChange={(v) => set('health', v)}
            testId="report-health"
          />
        </Grid>
      )}
    </Grid>
  );
}

/** An ISO moment as the value of a datetime-local input (the browser's time). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
