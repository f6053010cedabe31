import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  Step,
  StepLabel,
  Stepper,
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
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, Title, useCreatePath, useTranslate } from 'react-admin';
import {
  IMPORT_DATE_FORMATS,
  IMPORT_FIELDS,
  IMPORT_MODES,
  IMPORT_RESOURCES,
  UNKNOWN_PEOPLE_CHOICES,
  type ImportDateFormat,
  type ImportMode,
  type ImportResource,
  type UnknownPeopleChoice,
} from '@rabta/domain/interchange';
import { apiErrorOf } from '../providers/http';
import { useAppLocale } from '../i18n/format';
import { keyedText, problemColumn, problemText } from './problems';
import {
  commitImport,
  previewImport,
  resultUrl,
  templateUrl,
  type ImportCommitResult,
  type ImportPreview,
} from './api';

// The import wizard: choose what to import and how, upload the file, check the column mapping and the preview of
// every row (with each problem by row and column), correct the file or the choices and preview again, then commit
// (all rows or none). Nothing is written before the commit.

const SHOWN_PROBLEMS = 200;
const SHOWN_ROWS = 200;
const ACTION_COLOR = { create: 'success', update: 'info', unchanged: 'default', error: 'error' } as const;

export default function ImportPage() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const locale = useAppLocale();
  const fileInput = useRef<HTMLInputElement>(null);
  const [resource, setResource] = useState<ImportResource>('initiatives');
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [dateFormat, setDateFormat] = useState<ImportDateFormat | ''>('');
  const [unknownPeople, setUnknownPeople] = useState<UnknownPeopleChoice>('error');
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ImportCommitResult | null>(null);

  const fields = IMPORT_FIELDS[resource];
  const label = (field: string) => {
    const f = fields.find((x) => x.field === field);
    return f ? (locale === 'ur' ? f.ur : f.en) : field;
  };
  const step = done ? 3 : preview ? 1 : 0;

  const run = async (next: File, choices: { keepMapping: boolean; sheet?: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await previewImport(next, {
        resource,
        mode,
        mapping: choices.keepMapping ? mapping : undefined,
        dateFormat: dateFormat || undefined,
        sheet: choices.sheet,
        unknownPeople,
      });
      setPreview(result);
      setMapping(result.mapping);
      setSheet(result.sheet);
      if (!dateFormat && result.dateFormat) setDateFormat(result.dateFormat);
      setDirty(false);
    } catch (e) {
      setFailure(keyedText(apiErrorOf(e), translate) ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setDone(null);
    // A corrected file keeps the mapping chosen for the last one when its columns are the same.
    const same = !!preview && preview.resource === resource;
    void run(chosen, { keepMapping: same, sheet: same ? sheet : undefined });
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setFailure(null);
    try {
      setDone(await commitImport(preview.id));
    } catch (e) {
      setFailure(keyedText(apiErrorOf(e), translate) ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setPreview(null);
    setFile(null);
    setDone(null);
    setMapping({});
    setSheet(undefined);
    setDateFormat('');
    setFailure(null);
  };

  const problemsByRow = useMemo(() => (preview ? preview.errors.slice(0, SHOWN_PROBLEMS) : []), [preview]);
  const conflicts = preview?.errors.filter((e) => e.kind === 'conflict').length ?? 0;

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }} data-testid="import-page">
      <Title title="rabta.import.title" />
      <Card>
        <CardHeader title={translate('rabta.import.title')} subheader={translate('rabta.import.intro')} />
        <CardContent>
          <Stepper activeStep={step} sx={{ mb: 3 }}>
            {(['upload', 'review', 'done'] as const).map((s) => (
              <Step key={s}>
                <StepLabel>{translate(`rabta.import.steps.${s}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>

          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
              <TextField
                select
                size="small"
                label={translate('rabta.import.resource')}
                value={resource}
                disabled={!!preview}
                onChange={(e) => setResource(e.target.value as ImportResource)}
                sx={{ width: 260, flexShrink: 0 }}
                slotProps={{ htmlInput: { 'data-testid': 'import-resource' } }}
              >
                {IMPORT_RESOURCES.map((r) => (
                  <MenuItem key={r} value={r}>
                    {translate(`resources.${r}.name`, { smart_count: 2 })}
                  </MenuItem>
                ))}
              </TextField>
              <ToggleButtonGroup
                exclusive
                size="small"
                value={mode}
                disabled={!!preview}
                onChange={(_, v) => v && setMode(v)}
                aria-label={translate('rabta.import.mode')}
                sx={{ flexShrink: 0, '& .MuiToggleButton-root': { whiteSpace: 'nowrap' } }}
              >
                {IMPORT_MODES.map((m) => (
                  <ToggleButton key={m} value={m} data-testid={`import-mode-${m}`}>
                    {translate(`rabta.import.modes.${m}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              <Box sx={{ flex: 1 }} />
              <Button size="small" startIcon={<DownloadIcon />} href={templateUrl(resource)} download>
                {translate('rabta.import.template')}
              </Button>
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {translate(`rabta.import.mode_help.${mode}`)}
            </Typography>

            {!done && (
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Button
                  variant={preview ? 'outlined' : 'contained'}
                  startIcon={<UploadFileIcon />}
                  onClick={() => fileInput.current?.click()}
                  disabled={busy}
                  data-testid="import-choose"
                >
                  {translate(preview ? 'rabta.import.choose_corrected' : 'rabta.import.choose')}
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  hidden
                  accept=".xlsx,.csv,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  data-testid="import-file"
                  onChange={(e) => {
                    choose(e.target.files?.[0]);
                    e.target.value = '';
                  }}
                />
                {file && (
                  <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
                    <bdi>{file.name}</bdi>
                  </Typography>
                )}
              </Stack>
            )}
            {busy && <LinearProgress />}
            {failure && (
              <Alert severity="error" data-testid="import-failure">
                {failure}
              </Alert>
            )}
          </Stack>
        </CardContent>
      </Card>

      {preview && !done && (
        <Card data-testid="import-review">
          <CardHeader title={translate('rabta.import.mapping')} subheader={translate('rabta.import.mapping_help')} />
          <CardContent>
            <Stack spacing={2}>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                {preview.sheets.length > 1 && (
                  <TextField
                    select
                    size="small"
                    label={translate('rabta.import.sheet')}
                    value={sheet ?? preview.sheet}
                    onChange={(e) => {
                      setSheet(e.target.value);
                      setMapping({});
                      if (file) void run(file, { keepMapping: false, sheet: e.target.value });
                    }}
                    sx={{ minWidth: 200 }}
                  >
                    {preview.sheets.map((s) => (
                      <MenuItem key={s} value={s}>
                        {s}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
                <TextField
                  select
                  size="small"
                  label={translate('rabta.import.date_format')}
                  value={dateFormat}
                  onChange={(e) => {
                    setDateFormat(e.target.value as ImportDateFormat | '');
                    setDirty(true);
                  }}
                  sx={{ minWidth: 200 }}
                  slotProps={{ htmlInput: { 'data-testid': 'import-date-format' } }}
                >
                  <MenuItem value="">{translate('rabta.import.date_auto')}</MenuItem>
                  {IMPORT_DATE_FORMATS.map((f) => (
                    <MenuItem key={f} value={f} dir="ltr">
                      {f}
                    </MenuItem>
                  ))}
                </TextField>
                {(resource === 'initiatives' || resource === 'milestones') && (
                  <TextField
                    select
                    size="small"
                    label={translate('rabta.import.unknown_people')}
                    value={unknownPeople}
                    onChange={(e) => {
                      setUnknownPeople(e.target.value as UnknownPeopleChoice);
                      setDirty(true);
                    }}
                    sx={{ minWidth: 260 }}
                    slotProps={{ htmlInput: { 'data-testid': 'import-unknown-people' } }}
                  >
                    {UNKNOWN_PEOPLE_CHOICES.map((c) => (
                      <MenuItem key={c} value={c}>
                        {translate(`rabta.import.people.${c}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              </Stack>

              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="import-mapping">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('rabta.import.column')}</TableCell>
                      <TableCell>{translate('rabta.import.field')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.columns.map((column, i) => (
                      <TableRow key={column}>
                        <TableCell sx={{ fontWeight: 500 }}>{column}</TableCell>
                        <TableCell>
                          <TextField
                            select
                            size="small"
                            // No label of its own (the row names the column): no room kept for one.
                            hiddenLabel
                            value={mapping[column] ?? ''}
                            onChange={(e) => {
                              setMapping((m) => ({ ...m, [column]: e.target.value || null }));
                              setDirty(true);
                            }}
                            sx={{ minWidth: 260 }}
                            slotProps={{
                              htmlInput: {
                                'data-testid': `import-map-${i}`,
                                'aria-label': `${translate('rabta.import.field')}: ${column}`,
                              },
                            }}
                          >
                            <MenuItem value="">
                              <em>{translate('rabta.import.ignore')}</em>
                            </MenuItem>
                            {fields.map((f) => (
                              <MenuItem key={f.field} value={f.field}>
                                {label(f.field)}
                              </MenuItem>
                            ))}
                          </TextField>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {dirty && (
                <Alert
                  severity="info"
                  action={
                    <Button
                      color="inherit"
                      size="small"
                      onClick={() => file && void run(file, { keepMapping: true, sheet })}
                      data-testid="import-preview-again"
                    >
                      {translate('rabta.import.preview_again')}
                    </Button>
                  }
                >
                  {translate('rabta.import.changed')}
                </Alert>
              )}
            </Stack>
          </CardContent>
        </Card>
      )}

      {preview && !done && (
        <Card data-testid="import-preview">
          <CardHeader
            title={translate('rabta.import.preview')}
            subheader={translate('rabta.import.preview_help', {
              // Isolated, so a file name in another script keeps its order in either direction.
              file: `\u2068${preview.fileName}\u2069`,
              sheet: `\u2068${preview.sheet}\u2069`,
            })}
          />
          <CardContent>
            <Stack spacing={2}>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="import-counts">
                {(['create', 'update', 'unchanged', 'error'] as const).map((a) => (
                  <Chip
                    key={a}
                    color={ACTION_COLOR[a]}
                    variant={preview.rows[a] ? 'filled' : 'outlined'}
                    label={translate(`rabta.import.rows.${a}`, { smart_count: preview.rows[a] })}
                    data-testid={`import-count-${a}`}
                  />
                ))}
                {conflicts > 0 && (
                  <Chip color="warning" label={translate('rabta.import.conflicts', { smart_count: conflicts })} />
                )}
              </Stack>
              {preview.warnings.map((w) => (
                <Alert key={w.key} severity="warning">
                  {keyedText(w, translate)}
                </Alert>
              ))}
              {preview.newPeople.length > 0 && (
                <Alert severity="info">
                  {translate('rabta.import.new_people', { names: preview.newPeople.join('، ') })}
                </Alert>
              )}
              {preview.errors.length > 0 ? (
                <>
                  <Alert severity="error" data-testid="import-has-errors">
                    {translate('rabta.import.has_errors', { smart_count: preview.errors.length })}
                  </Alert>
                  <Box sx={{ overflowX: 'auto' }}>
                    <Table size="small" data-testid="import-errors">
                      <TableHead>
                        <TableRow>
                          <TableCell>{translate('rabta.import.row')}</TableCell>
                          <TableCell>{translate('rabta.import.column')}</TableCell>
                          <TableCell>{translate('rabta.import.problem')}</TableCell>
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {problemsByRow.map((e, i) => (
                          <TableRow key={i}>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                              {e.row === 0 ? translate('rabta.import.whole_file') : e.row}
                              {e.line ? (
                                <Typography component="span" variant="caption" color="text.secondary">
                                  {' '}
                                  ({translate('rabta.import.line', { line: e.line })})
                                </Typography>
                              ) : null}
                            </TableCell>
                            <TableCell>
                              <bdi>{problemColumn(e, label)}</bdi>
                            </TableCell>
                            <TableCell>
                              {e.kind === 'conflict' && (
                                <Chip
                                  size="small"
                                  color="warning"
                                  label={translate('rabta.import.conflict')}
                                  sx={{ mr: 1 }}
                                />
                              )}
                              {problemText(e, translate, label)}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </Box>
                  {preview.errors.length > SHOWN_PROBLEMS && (
                    <Typography variant="body2" color="text.secondary">
                      {translate('rabta.import.more_problems', { smart_count: preview.errors.length - SHOWN_PROBLEMS })}
                    </Typography>
                  )}
                </>
              ) : (
                <Alert severity="success" data-testid="import-ready">
                  {translate('rabta.import.ready')}
                </Alert>
              )}
              <Typography variant="subtitle2" component="h3">
                {translate('rabta.import.rows_title')}
              </Typography>
              <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                <Table size="small" stickyHeader data-testid="import-outcomes">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('rabta.import.row')}</TableCell>
                      <TableCell>{translate('rabta.import.outcome')}</TableCell>
                      <TableCell>{translate('rabta.import.record')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.outcomes.slice(0, SHOWN_ROWS).map((o) => (
                      <TableRow key={o.row}>
                        <TableCell sx={{ width: 80 }}>{o.row}</TableCell>
                        <TableCell sx={{ width: 160 }}>
                          <Chip
                            size="small"
                            variant={o.action === 'unchanged' ? 'outlined' : 'filled'}
                            color={ACTION_COLOR[o.action]}
                            label={translate(`rabta.import.actions.${o.action}`)}
                          />
                        </TableCell>
                        <TableCell>
                          {o.id ? (
                            <Link to={createPath({ resource: preview.resource, id: o.id, type: 'show' })}>
                              <bdi>{o.label ?? `#${o.id}`}</bdi>
                            </Link>
                          ) : (
                            <bdi>{o.label ?? ''}</bdi>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {preview.outcomes.length > SHOWN_ROWS && (
                <Typography variant="body2" color="text.secondary">
                  {translate('rabta.import.more_rows', { smart_count: preview.outcomes.length - SHOWN_ROWS })}
                </Typography>
              )}
              <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
                <Button startIcon={<DownloadIcon />} href={resultUrl(preview.id)} download>
                  {translate('rabta.import.download_preview')}
                </Button>
                <Button
                  variant="contained"
                  onClick={() => void commit()}
                  disabled={
                    busy || dirty || preview.errors.length > 0 || preview.rows.create + preview.rows.update === 0
                  }
                  data-testid="import-commit"
                >
                  {translate('rabta.import.commit', {
                    smart_count: preview.rows.create + preview.rows.update,
                  })}
                </Button>
              </Stack>
            </Stack>
          </CardContent>
        </Card>
      )}

      {done && preview && (
        <Card data-testid="import-done">
          <CardContent>
            <Stack spacing={2}>
              <Alert severity="success" data-testid="import-result">
                {translate('rabta.import.done', { created: done.created, updated: done.updated })}
              </Alert>
              <Stack direction="row" spacing={2}>
                <Button startIcon={<DownloadIcon />} href={resultUrl(preview.id)} download>
                  {translate('rabta.import.download_result')}
                </Button>
                <Button variant="outlined" onClick={restart} data-testid="import-again">
                  {translate('rabta.import.again')}
                </Button>
              </Stack>
            </Stack>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}
