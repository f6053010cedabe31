import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { LOCALES, REPORT_FORMATS, REPORT_KINDS } from '@rabta/domain/values';
import { REPORT_SCHEDULE_RUN_PARAMS } from '@rabta/domain/schemas/reports';
import { apiErrorOf } from '../providers/http';
import { languageName } from '../i18n';
import { useFormatters } from '../i18n/format';
import type { ReportFormat, ReportKind, ReportParams, ReportSchedule } from './api';
import { ParamsFields } from './ParamsFields';

// Report schedules: e.g. "portfolio, energy sector, PDF, Urdu, every Monday 08:00 Asia/Karachi". Each run is a
// report as of its day, as known at its time, over the period since the previous run. Analysts add schedules and
// pause or remove their own; admins any.

const PRESETS = [
  { key: 'weekly', cron: '0 8 * * 1' },
  { key: 'daily', cron: '0 8 * * *' },
  { key: 'monthly', cron: '0 8 1 * *' },
] as const;

interface Me {
  id: number;
  role: string;
}

function AddSchedule({ open, onClose }: { open: boolean; onClose: (saved: boolean) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ReportKind>('portfolio');
  const [params, setParams] = useState<ReportParams>({});
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [language, setLanguage] = useState<'en' | 'ur'>('ur');
  const [cron, setCron] = useState('0 8 * * 1');
  const [timezone, setTimezone] = useState('Asia/Karachi');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    setErrors({});
    try {
      await dataProvider.create('report-schedules', { data: { name, kind, params, format, language, cron, timezone } });
      notify('rabta.reports.schedule_saved', { type: 'success' });
      onClose(true);
    } catch (e) {
      const body = apiErrorOf(e);
      setErrors({ ...((body?.apiErrors as Record<string, string>) ?? (body?.errors as Record<string, string>) ?? {}) });
      notify(body?.message ?? (e as Error).message, { type: 'error' });
    }
  };
  return (
    <Dialog open={open} onClose={() => onClose(false)} maxWidth="md" fullWidth>
      <DialogTitle>{translate('rabta.reports.schedule_add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            size="small"
            label={translate('rabta.reports.schedule_name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={!!errors.name}
            helperText={errors.name ?? ' '}
            slotProps={{ htmlInput: { 'data-testid': 'schedule-name', dir: 'auto' } }}
          />
          <TextField
            select
            size="small"
            label={translate('rabta.reports.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ReportKind);
              setParams({});
            }}
          >
            {REPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`enums.report_kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <ParamsFields
            kind={kind}
            params={params}
            onChange={setParams}
            errors={errors}
            fixed={REPORT_SCHEDULE_RUN_PARAMS}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              size="small"
              label={translate('rabta.reports.format')}
              value={format}
              onChange={(e) => setFormat(e.target.value as ReportFormat)}
              sx={{ minWidth: 140 }}
            >
              {REPORT_FORMATS.map((f) => (
                <MenuItem key={f} value={f}>
                  {translate(`enums.report_format.${f}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('rabta.reports.language')}
              value={language}
              onChange={(e) => setLanguage(e.target.value as 'en' | 'ur')}
              sx={{ minWidth: 140 }}
            >
              {LOCALES.map((l) => (
                <MenuItem key={l} value={l}>
                  {languageName(l)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('rabta.reports.when')}
              value={PRESETS.find((p) => p.cron === cron)?.cron ?? ''}
              onChange={(e) => e.target.value && setCron(e.target.value)}
              sx={{ minWidth: 200 }}
            >
              {PRESETS.map((p) => (
                <MenuItem key={p.key} value={p.cron}>
                  {translate(`rabta.reports.presets.${p.key}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              size="small"
              label={translate('rabta.reports.cron')}
              value={cron}
              onChange={(e) => setCron(e.target.value)}
              error={!!errors.cron}
              helperText={errors.cron ?? translate('rabta.reports.cron_help')}
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'schedule-cron' } }}
              sx={{ flex: 1 }}
            />
            <TextField
              size="small"
              label={translate('rabta.reports.timezone')}
              value={timezone}
              onChange={(e) => setTimezone(e.target.value)}
              error={!!errors.timezone}
              helperText={errors.timezone ?? ' '}
              slotProps={{ htmlInput: { dir: 'ltr' } }}
              sx={{ flex: 1 }}
            />
          </Stack>
          {errors.params ? <Alert severity="error">{errors.params}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="schedule-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function SchedulesCard({ me }: { me: Me | null }) {
  const translate = useTranslate();
  const notify = useNotify();
  const fmt = useFormatters();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const { data: schedules = [] } = useQuery({
    queryKey: ['report-schedules'],
    queryFn: async () =>
      (
        await dataProvider.getList<ReportSchedule & { id: number }>('report-schedules', {
          pagination: { page: 1, perPage: 200 },
          sort: { field: 'name', order: 'ASC' },
          filter: {},
        })
      ).data,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['report-schedules'] });
  const canAdd = me?.role === 'analyst' || me?.role === 'admin';
  const canChange = (s: ReportSchedule) => me?.role === 'admin' || (me?.role === 'analyst' && s.createdById === me.id);
  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      notify(message, { type: 'success' });
    } catch (e) {
      notify(apiErrorOf(e)?.message ?? (e as Error).message, { type: 'error' });
    }
    refresh();
  };
  const togglePause = (s: ReportSchedule & { id: number }) =>
    act(
      () =>
        dataProvider.update('report-schedules', {
          id: s.id,
          data: { paused: !s.paused, version: s.version },
          previousData: s,
        }),
      s.paused ? 'rabta.reports.resumed' : 'rabta.reports.paused_done',
    );
  const remove = (s: ReportSchedule & { id: number }) => {
    if (!window.confirm(translate('rabta.reports.confirm_remove', { name: s.name }))) return;
    void act(
      () => dataProvider.delete('report-schedules', { id: s.id, previousData: s }),
      'rabta.reports.schedule_removed',
    );
  };
  return (
    <Card>
      <CardHeader
        title={translate('rabta.reports.schedules')}
        action={
          canAdd && (
            <Button startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="schedule-add">
              {translate('rabta.reports.schedule_add')}
            </Button>
          )
        }
      />
      <CardContent sx={{ overflowX: 'auto' }}>
        {!schedules.length ? (
          <Typography color="text.secondary">{translate('rabta.reports.schedules_empty')}</Typography>
        ) : (
          <Table size="small" data-testid="schedules-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('rabta.reports.schedule_name')}</TableCell>
                <TableCell>{translate('rabta.reports.kind')}</TableCell>
                <TableCell>{translate('rabta.reports.format')}</TableCell>
                <TableCell>{translate('rabta.reports.cron')}</TableCell>
                <TableCell>{translate('rabta.reports.next_run')}</TableCell>
                <TableCell>{translate('rabta.reports.last_run')}</TableCell>
                <TableCell>{translate('rabta.reports.by')}</TableCell>
                <TableCell>{translate('rabta.reports.active')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {schedules.map((s) => (
                <TableRow key={s.id} data-testid={`schedule-row-${s.id}`}>
                  <TableCell dir="auto">{s.name}</TableCell>
                  <TableCell>{translate(`enums.report_kind.${s.kind}`)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate(`enums.report_format.${s.format}`)} · {languageName(s.language)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <bdi dir="ltr">{s.cron}</bdi> · <bdi dir="ltr">{s.timezone}</bdi>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.nextRunAt ? fmt.dateTime(s.nextRunAt) : '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.lastRunAt ? fmt.dateTime(s.lastRunAt) : '—'}</TableCell>
                  <TableCell>{s.createdByName ?? '—'}</TableCell>
                  <TableCell>
                    <Tooltip title={translate(s.paused ? 'rabta.reports.resume' : 'rabta.reports.pause')}>
                      <span>
                        <Switch
                          size="small"
                          checked={!s.paused}
                          disabled={!canChange(s)}
                          onChange={() => void togglePause(s)}
                          slotProps={{
                            input: {
                              'aria-label': translate(s.paused ? 'rabta.reports.resume' : 'rabta.reports.pause'),
                            },
                          }}
                          data-testid={`schedule-toggle-${s.id}`}
                        />
                      </span>
                    </Tooltip>
                  </TableCell>
                  <TableCell>
                    {canChange(s) && (
                      <IconButton
                        size="small"
                        aria-label={translate('rabta.reports.remove')}
                        onClick={() => remove(s)}
                        data-testid={`schedule-remove-${s.id}`}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <AddSchedule
        open={adding}
        onClose={(saved) => {
          setAdding(false);
          if (saved) refresh();
        }}
      />
    </Card>
  );
}
