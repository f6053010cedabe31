import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ReplayIcon from '@mui/icons-material/Replay';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useGetIdentity, useGetMany, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { textOf } from '../common/bilingual';
import { meetingText } from '../common/inputs';
import { LOCALES, REPORT_FORMATS, REPORT_KINDS } from '@rabta/domain/values';
import { getAsOf } from '../providers/asOf';
import { apiErrorOf } from '../providers/http';
import { languageName } from '../i18n';
import { useAppLocale, useFormatters } from '../i18n/format';
import {
  fileUrl,
  getReport,
  isFinished,
  listReports,
  requestReport,
  type Report,
  type ReportFormat,
  type ReportKind,
  type ReportParams,
} from './api';
import { ParamsFields } from './ParamsFields';
import { SchedulesCard } from './SchedulesCard';

// The Reports page: choose a kind, its parameters, a format and a language; follow the job's progress; download
// it. Below, the reports made so far (anyone's, with who and when) and the schedules.

const STATUS_COLOR = { queued: 'default', running: 'info', done: 'success', failed: 'error' } as const;

export function ReportStatus({ report }: { report: Report }) {
  const translate = useTranslate();
  if (report.status === 'running' || report.status === 'queued') {
    return (
      <Box sx={{ minWidth: 140 }} data-testid={`report-progress-${report.id}`} data-status={report.status}>
        <Typography variant="caption">
          {translate(`enums.report_status.${report.status}`)} · {report.progress} %
        </Typography>
        <LinearProgress
          variant={report.status === 'queued' ? 'indeterminate' : 'determinate'}
          value={report.progress}
        />
      </Box>
    );
  }
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[report.status]}
      label={translate(`enums.report_status.${report.status}`)}
      title={report.error ?? undefined}
      data-testid={`report-status-${report.id}`}
      data-status={report.status}
    />
  );
}

function DownloadButton({ report }: { report: Report }) {
  const translate = useTranslate();
  if (report.status !== 'done') return null;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      href={fileUrl(report.id)}
      download={report.fileName ?? undefined}
      data-testid={`report-download-${report.id}`}
    >
      {translate('rabta.reports.download')}
    </Button>
  );
}

/** The new report form, with the request's progress once sent. */
function NewReport({ onRequested }: { onRequested: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useAppLocale();
  const [kind, setKind] = useState<ReportKind>('portfolio');
  // Viewing the past from the app bar: start the report from that view.
  const [params, setParams] = useState<ReportParams>(() => {
    const { asOf, knownAt } = getAsOf();
    return { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}) };
  });
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [language, setLanguage] = useState<'en' | 'ur'>(locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<Report | null>(null);

  // Follow the job until it has finished.
  const { data: polled } = useQuery({
    queryKey: ['report', current?.id],
    queryFn: () => getReport(current!.id),
    enabled: !!current && !isFinished(current),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 500),
  });
  const shown = polled ?? current;
  useEffect(() => {
    if (polled && isFinished(polled)) onRequested();
  }, [polled, onRequested]);

  const changeKind = (k: ReportKind) => {
    setKind(k);
    setErrors({});
    // Keep what the new kind also takes.
    setParams(
      (p) => Object.fromEntries(Object.entries(p).filter(([key]) => ['asOf', 'knownAt'].includes(key))) as ReportParams,
    );
  };

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const report = await requestReport({ kind, params, format, language });
      setCurrent(report);
      onRequested();
    } catch (e) {
      const body = apiErrorOf(e);
      setErrors((body?.errors as Record<string, string>) ?? {});
      notify(body?.message ?? (e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardHeader title={translate('rabta.reports.new')} />
      <CardContent>
        <Stack spacing={2}>
          <TextField
            select
            size="small"
            label={translate('rabta.reports.kind')}
            value={kind}
            onChange={(e) => changeKind(e.target.value as ReportKind)}
            helperText={translate(`rabta.reports.kind_help.${kind}`)}
            slotProps={{ htmlInput: { 'data-testid': 'report-kind' } }}
          >
            {REPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`enums.report_kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <ParamsFields kind={kind} params={params} onChange={setParams} errors={errors} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={format}
              onChange={(_, v) => v && setFormat(v)}
              aria-label={translate('rabta.reports.format')}
            >
              {REPORT_FORMATS.map((f) => (
                <ToggleButton key={f} value={f} data-testid={`report-format-${f}`}>
                  {translate(`enums.report_format.${f}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={language}
              onChange={(_, v) => v && setLanguage(v)}
              aria-label={translate('rabta.reports.language')}
            >
              {LOCALES.map((l) => (
                <ToggleButton key={l} value={l} data-testid={`report-language-${l}`}>
                  {languageName(l)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Box sx={{ flex: 1 }} />
            <Button
              variant="contained"
              onClick={() => void submit()}
              disabled={busy || (!!shown && !isFinished(shown))}
              data-testid="report-generate"
            >
              {translate('rabta.reports.generate')}
            </Button>
          </Stack>
          {errors.format || errors.language || errors.kind ? (
            <Alert severity="error">{errors.format ?? errors.language ?? errors.kind}</Alert>
          ) : null}
          {shown && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} data-testid="report-current">
              <ReportStatus report={shown} />
              <Typography variant="body2" sx={{ flex: 1 }}>
                {shown.status === 'failed'
                  ? translate('rabta.reports.failed', { error: shown.error ?? '' })
                  : translate(`rabta.reports.state.${shown.status}`)}
              </Typography>
              <DownloadButton report={shown} />
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** What a report covers: its initiative or meeting by name, its date or period, its selection, when it was known. */
function ParamsSummary({
  report,
  initiatives,
  meetings,
}: {
  report: Report;
  initiatives: Map<unknown, RaRecord>;
  meetings: Map<unknown, RaRecord>;
}) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const locale = useAppLocale();
  const p = report.params;
  const parts: ReactNode[] = [];
  const initiative = p.initiativeId ? initiatives.get(p.initiativeId) : undefined;
  const meeting = p.engagementId ? meetings.get(p.engagementId) : undefined;
  if (p.initiativeId)
    parts.push(
      <bdi key="initiative" data-testid={`report-subject-${report.id}`}>
        {initiative ? `${initiative.code} · ${textOf(initiative, 'title', locale)}` : `#${p.initiativeId}`}
      </bdi>,
    );
  if (p.engagementId)
    parts.push(
      <bdi key="meeting" data-testid={`report-subject-${report.id}`}>
        {meeting ? meetingText(meeting) : `#${p.engagementId}`}
      </bdi>,
    );
  if (p.from) parts.push(`${translate('rabta.reports.period')}: ${fmt.date(p.from)} – ${fmt.date(p.to ?? p.asOf)}`);
  else if (p.asOf) parts.push(`${translate('rabta.reports.params.asOf')}: ${fmt.date(p.asOf)}`);
  if (p.sectorIds?.length) parts.push(`${translate('rabta.reports.params.sectorIds')}: ${p.sectorIds.length}`);
  if (p.countryCodes?.length) parts.push(p.countryCodes.join(', '));
  parts.push(`${translate('rabta.reports.params.knownAt')}: ${fmt.dateTime(report.knownAt)}`);
  return (
    <>
      {parts.map((x, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {x}
        </Fragment>
      ))}
    </>
  );
}

/** The reports made so far (everyone's), refreshed while some are still being generated. */
function PastReports({ refreshKey }: { refreshKey: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const [mine, setMine] = useState(false);
  const { data: reports = [], error } = useQuery({
    queryKey: ['reports', mine, refreshKey],
    queryFn: () => listReports(mine ? { mine: true } : {}),
    refetchInterval: (q) => ((q.state.data ?? []).some((r) => !isFinished(r)) ? 1000 : false),
  });
  // The initiatives and meetings the reports are about, by name.
  const { data: initiatives } = useGetMany('initiatives', {
    ids: [...new Set(reports.flatMap((r) => (r.params.initiativeId ? [r.params.initiativeId] : [])))],
  });
  const { data: meetings } = useGetMany('engagements', {
    ids: [...new Set(reports.flatMap((r) => (r.params.engagementId ? [r.params.engagementId] : [])))],
  });
  const initiativeById = useMemo(() => new Map((initiatives ?? []).map((r) => [r.id, r])), [initiatives]);
  const meetingById = useMemo(() => new Map((meetings ?? []).map((r) => [r.id, r])), [meetings]);
  const again = async (r: Report) => {
    try {
      await requestReport({ kind: r.kind, params: r.params, format: r.format, language: r.language });
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
    } catch (e) {
      notify(apiErrorOf(e)?.message ?? (e as Error).message, { type: 'error' });
    }
  };
  return (
    <Card>
      <CardHeader
        title={translate('rabta.reports.past')}
        action={
          <FormControlLabel
            control={<Switch checked={mine} onChange={(e) => setMine(e.target.checked)} />}
            label={translate('rabta.reports.mine')}
          />
        }
      />
      <CardContent sx={{ overflowX: 'auto' }}>
        {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
        {!reports.length ? (
          <Typography color="text.secondary">{translate('rabta.reports.empty')}</Typography>
        ) : (
          <Table size="small" data-testid="reports-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('rabta.reports.created')}</TableCell>
                <TableCell>{translate('rabta.reports.kind')}</TableCell>
                <TableCell>{translate('rabta.reports.params_label')}</TableCell>
                <TableCell>{translate('rabta.reports.format')}</TableCell>
                <TableCell>{translate('rabta.reports.by')}</TableCell>
                <TableCell>{translate('rabta.reports.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {reports.map((r) => (
                <TableRow key={r.id} data-testid={`report-row-${r.id}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</TableCell>
                  <TableCell>{translate(`enums.report_kind.${r.kind}`)}</TableCell>
                  <TableCell sx={{ maxWidth: 360 }}>
                    <ParamsSummary report={r} initiatives={initiativeById} meetings={meetingById} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate(`enums.report_format.${r.format}`)} · {languageName(r.language)}
                  </TableCell>
                  <TableCell>
                    {r.scheduleName ? `${r.createdByName ?? ''} (${r.scheduleName})` : (r.createdByName ?? '—')}
                  </TableCell>
                  <TableCell>
                    <ReportStatus report={r} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <DownloadButton report={r} />
                    {isFinished(r) && (
                      <Button
                        size="small"
                        startIcon={<ReplayIcon />}
                        onClick={() => void again(r)}
                        title={translate('rabta.reports.again_help')}
                      >
                        {translate('rabta.reports.again')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export default function ReportsPage() {
  const [refreshKey, setRefreshKey] = useState(0);
  const { identity } = useGetIdentity();
  const onRequested = useMemo(() => () => setRefreshKey((k) => k + 1), []);
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="rabta.reports.title" />
      <NewReport onRequested={onRequested} />
      <PastReports refreshKey={refreshKey} />
      <SchedulesCard
        me={
          identity ? { id: Number(identity.id), role: String((identity as { role?: string }).role ?? 'viewer') } : null
        }
      />
    </Stack>
  );
}
