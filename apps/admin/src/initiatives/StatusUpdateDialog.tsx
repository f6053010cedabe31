import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { HEALTHS, CONFIDENCES, LANGUAGES, SOURCE_KINDS } from '@rabta/domain/values';
import { CreateSourceSchema, CreateStatusUpdateSchema } from '@rabta/domain/schemas/resources';
import { useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { HealthChip, StageChip } from '../common/chips';
import { effectiveMoment, todayIso } from '../common/dates';
import { errorText, zodFieldErrors } from '../common/errors';
import { useFormatters } from '../i18n/format';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { apiErrorOf } from '../providers/http';
import { urduTextSx } from '../theme/theme';

interface PickedSource {
  id: number;
  title: string;
  publisher: string;
  publishedAt: string;
  language: string;
  quote: string;
}

const EMPTY_SOURCE = {
  kind: 'news',
  publisher: '',
  url: '',
  language: 'en',
  publishedAt: todayIso(),
  title: '',
  text: '',
  quote: '',
};

type Errors = Record<string, string>;

/** Server field errors as the HTTP client mapped them (without react-admin's form-level `root`). */
function fieldErrorsOf(e: unknown): Errors {
  const body = apiErrorOf(e);
  const errors = { ...((body?.errors as Record<string, unknown>) ?? {}) };
  delete errors.root;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)]));
}

/**
 * "Update status": only the stages the lifecycle allows next, the health, the effective date, a note in English and
 * Urdu, and the evidence: existing sources or a new one added inline, each with its quoted passage. Errors from the
 * server appear beside the fields they concern.
 */
export function StatusUpdateDialog({
  record,
  open,
  onClose,
}: {
  record: RaRecord;
  open: boolean;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fmt = useFormatters();
  const dataProvider = useDataProvider<RabtaDataProvider>();

  const [toStage, setToStage] = useState('');
  const [toHealth, setToHealth] = useState('');
  const [confidence, setConfidence] = useState('');
  const [effectiveAt, setEffectiveAt] = useState(todayIso());
  const [note, setNote] = useState('');
  const [noteUr, setNoteUr] = useState('');
  const [sources, setSources] = useState<PickedSource[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<RaRecord[]>([]);
  const [searching, setSearching] = useState(false);

  const [adding, setAdding] = useState(false);
  const [newSource, setNewSource] = useState(EMPTY_SOURCE);
  const [newSourceErrors, setNewSourceErrors] = useState<Errors>({});
  const [savingSource, setSavingSource] = useState(false);

  const allowed: string[] = useMemo(() => (record.allowedNextStages as string[] | undefined) ?? [], [record]);

  // Mounted when opened (see InitiativeShow): every field starts empty.

  // Existing sources, searched on the server (Urdu-aware full text).
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      setSearching(true);
      dataProvider
        .getList('sources', {
          filter: search.trim() ? { q: search.trim() } : {},
          sort: { field: 'publishedAt', order: 'DESC' },
          pagination: { page: 1, perPage: 20 },
        })
        .then(({ data }) => live && setOptions(data))
        .catch(() => live && setOptions([]))
        .finally(() => live && setSearching(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, open, dataProvider]);

  const err = (key: string) => errorText(translate, errors[key]);
  const srcErr = (key: string) => errorText(translate, newSourceErrors[key]);

  const addPicked = (s: RaRecord, quote = '') =>
    setSources((list) =>
      list.some((x) => x.id === s.id)
        ? list
        : [
            ...list,
            {
              id: Number(s.id),
              title: s.title,
              publisher: s.publisher,
              publishedAt: s.publishedAt,
              language: s.language,
              quote,
            },
          ],
    );

  const saveNewSource = async () => {
    const { quote, ...fields } = newSource;
    const body = { ...fields, url: fields.url.trim() || null, text: fields.text.trim() || null };
    const parsed = CreateSourceSchema.safeParse(body);
    if (!parsed.success) {
      setNewSourceErrors(zodFieldErrors(parsed.error));
      return;
    }
    setSavingSource(true);
    setNewSourceErrors({});
    try {
      const { id, existing } = await dataProvider.createSource(body);
      const { data } = await dataProvider.getOne('sources', { id });
      addPicked(data, quote);
      notify(existing ? 'rabta.status.source_exists' : 'rabta.status.source_added', {
        type: existing ? 'info' : 'success',
      });
      setAdding(false);
      setNewSource(EMPTY_SOURCE);
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (Object.keys(fieldErrors).length) setNewSourceErrors(fieldErrors);
      else setNewSourceErrors({ root: (e as Error).message });
    } finally {
      setSavingSource(false);
    }
  };

  const submit = async () => {
    const quotes = Object.fromEntries(sources.filter((s) => s.quote.trim()).map((s) => [String(s.id), s.quote.trim()]));
    const body = {
      ...(toStage ? { toStage } : {}),
      ...(toHealth ? { toHealth } : {}),
      ...(confidence ? { healthConfidence: confidence } : {}),
      effectiveAt: effectiveMoment(effectiveAt),
      note: note.trim(),
      ...(noteUr.trim() ? { noteUr: noteUr.trim() } : {}),
      sourceIds: sources.map((s) => s.id),
      ...(Object.keys(quotes).length ? { quotes } : {}),
    };
    const parsed = CreateStatusUpdateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await dataProvider.createStatusUpdate(record.id, body);
      notify('rabta.status.saved', { type: 'success' });
      onClose();
      refresh();
    } catch (e) {
      const api = apiErrorOf(e);
      const next = fieldErrorsOf(e);
      if (api?.code === 'INVALID_TRANSITION') {
        const stages = ((api.allowed as string[] | undefined) ?? [])
          .map((s) => translate(`enums.stage.${s}`))
          .join('، ');
        next.toStage = `@@react-admin@@${JSON.stringify({ message: 'rabta.validation.invalid_transition', args: { stages } })}`;
      }
      if (api?.code === 'EVIDENCE_REQUIRED') next.sourceIds = 'rabta.validation.evidence_required';
      setErrors(next);
      if (!Object.keys(next).length) setFormError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const urInput = { dir: 'rtl', lang: 'ur', style: { ...urduTextSx } } as const;

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="status-dialog-title"
      data-testid="status-dialog"
    >
      <DialogTitle id="status-dialog-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box sx={{ flex: 1 }}>{translate('rabta.status.title')}</Box>
        <IconButton onClick={onClose} aria-label={translate('ra.action.close')} disabled={busy}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('rabta.status.current')}
          </Typography>
          <StageChip stage={record.stage} />
          <HealthChip health={record.health} />
        </Stack>
        {formError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(translate, formError)}
          </Alert>
        )}
        {allowed.length === 0 && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('rabta.status.no_next_stage')}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label={translate('rabta.status.to_stage')}
            value={toStage}
            onChange={(e) => setToStage(e.target.value)}
            error={!!errors.toStage}
            helperText={err('toStage') || translate('rabta.status.evidence_help')}
            disabled={allowed.length === 0}
            slotProps={{ htmlInput: { 'data-testid': 'status-to-stage' } }}
            sx={{ flex: 2 }}
          >
            <MenuItem value="">
              <em>{translate('rabta.status.keep_stage')}</em>
            </MenuItem>
            {allowed.map((s) => (
              <MenuItem key={s} value={s} data-value={s}>
                {translate(`enums.stage.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('rabta.status.to_health')}
            value={toHealth}
            onChange={(e) => setToHealth(e.target.value)}
            error={!!errors.toHealth}
            helperText={err('toHealth') || ' '}
            sx={{ flex: 1.5 }}
          >
            <MenuItem value="">
              <em>{translate('rabta.status.keep_health')}</em>
            </MenuItem>
            {HEALTHS.map((h) => (
              <MenuItem key={h} value={h} data-value={h}>
                {translate(`enums.health.${h}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('rabta.status.confidence')}
            value={confidence}
            onChange={(e) => setConfidence(e.target.value)}
            error={!!errors.healthConfidence}
            helperText={err('healthConfidence') || ' '}
            sx={{ flex: 1 }}
          >
            <MenuItem value="">
              <em>{translate('rabta.common.none')}</em>
            </MenuItem>
            {CONFIDENCES.map((c) => (
              <MenuItem key={c} value={c}>
                {translate(`enums.confidence.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={translate('rabta.status.effective_at')}
            value={effectiveAt}
            onChange={(e) => setEffectiveAt(e.target.value)}
            error={!!errors.effectiveAt}
            helperText={err('effectiveAt') || ' '}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'status-effective-at' } }}
            sx={{ flex: 1.2 }}
          />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={translate('rabta.bilingual.label', {
              field: translate('rabta.status.note'),
              language: translate('rabta.bilingual.en'),
            })}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={3}
            required
            error={!!errors.note}
            helperText={err('note') || ' '}
            slotProps={{ htmlInput: { dir: 'ltr', lang: 'en', 'data-testid': 'status-note' } }}
            sx={{ flex: 1 }}
          />
          <TextField
            label={translate('rabta.bilingual.label', {
              field: translate('rabta.status.note'),
              language: translate('rabta.bilingual.ur'),
            })}
            value={noteUr}
            onChange={(e) => setNoteUr(e.target.value)}
            multiline
            minRows={3}
            error={!!errors.noteUr}
            helperText={err('noteUr') || ' '}
            slotProps={{ htmlInput: { ...urInput, 'data-testid': 'status-note-ur' } }}
            sx={{ flex: 1 }}
          />
        </Stack>

        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('rabta.status.sources')}
        </Typography>
        <Autocomplete
          options={options}
          loading={searching}
          filterOptions={(x) => x}
          getOptionLabel={(o) => `${o.publisher}: ${o.title}`}
          renderOption={(props, o) => {
            const { key, ...rest } = props as typeof props & { key: string };
            return (
              <li key={key} {...rest} data-testid={`source-option-${o.id}`}>
                <Box>
                  <Typography variant="body2" dir="auto">
                    {o.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {o.publisher} · {fmt.date(o.publishedAt)} ·{' '}
                    {translate(`enums.language.${o.language}`, { _: o.language })}
                  </Typography>
                </Box>
              </li>
            );
          }}
          value={null}
          inputValue={search}
          onInputChange={(_e, v, reason) => reason !== 'reset' && setSearch(v)}
          onChange={(_e, v) => {
            if (v) addPicked(v);
            setSearch('');
          }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={translate('rabta.status.pick_sources')}
              placeholder={translate('rabta.status.search_sources')}
              error={!!errors.sourceIds}
              helperText={err('sourceIds') || ' '}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps?.htmlInput, 'data-testid': 'status-source-search' },
                input: {
                  ...params.slotProps?.input,
                  endAdornment: (
                    <>
                      {searching ? <CircularProgress color="inherit" size={18} /> : null}
                      {(params.slotProps?.input as { endAdornment?: React.ReactNode } | undefined)?.endAdornment}
                    </>
                  ),
                },
              }}
            />
          )}
        />
        <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="status-picked-sources">
          {sources.map((s) => (
            <Paper key={s.id} variant="outlined" sx={{ p: 1.5 }} data-source-id={s.id}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} dir="auto">
                    {s.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {s.publisher} · {fmt.date(s.publishedAt)}
                  </Typography>
                </Box>
                <IconButton
                  size="small"
                  aria-label={translate('rabta.common.remove')}
                  onClick={() => setSources((l) => l.filter((x) => x.id !== s.id))}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Stack>
              <TextField
                label={translate('rabta.status.quote')}
                value={s.quote}
                onChange={(e) => setSources((l) => l.map((x) => (x.id === s.id ? { ...x, quote: e.target.value } : x)))}
                multiline
                minRows={2}
                fullWidth
                margin="dense"
                error={!!errors[`quotes.${s.id}`]}
                helperText={err(`quotes.${s.id}`) || translate('rabta.status.quote_help')}
                slotProps={{
                  htmlInput:
                    s.language === 'ur'
                      ? { ...urInput, 'data-testid': `quote-${s.id}` }
                      : { dir: 'auto', 'data-testid': `quote-${s.id}` },
                }}
              />
            </Paper>
          ))}
        </Stack>

        {!adding ? (
          <Button
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            onClick={() => setAdding(true)}
            data-testid="status-new-source"
          >
            {translate('rabta.status.new_source')}
          </Button>
        ) : (
          <Paper variant="outlined" sx={{ p: 2, mt: 1, bgcolor: 'grey.50' }} data-testid="new-source-form">
            <Typography variant="subtitle2" gutterBottom>
              {translate('rabta.status.new_source_title')}
            </Typography>
            {newSourceErrors.root && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {srcErr('root')}
              </Alert>
            )}
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField
                select
                label={translate('resources.sources.fields.kind')}
                value={newSource.kind}
                onChange={(e) => setNewSource({ ...newSource, kind: e.target.value })}
                error={!!newSourceErrors.kind}
                helperText={srcErr('kind') || ' '}
                sx={{ flex: 1 }}
              >
                {SOURCE_KINDS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {translate(`enums.source_kind.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={translate('resources.sources.fields.language')}
                value={newSource.language}
                onChange={(e) => setNewSource({ ...newSource, language: e.target.value })}
                error={!!newSourceErrors.language}
                helperText={srcErr('language') || ' '}
                slotProps={{ htmlInput: { 'data-testid': 'new-source-language' } }}
                sx={{ flex: 1 }}
              >
                {LANGUAGES.map((k) => (
                  <MenuItem key={k} value={k} data-value={k}>
                    {translate(`enums.language.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                type="date"
                label={translate('resources.sources.fields.publishedAt')}
                value={newSource.publishedAt}
                onChange={(e) => setNewSource({ ...newSource, publishedAt: e.target.value })}
                error={!!newSourceErrors.publishedAt}
                helperText={srcErr('publishedAt') || ' '}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'new-source-published' } }}
                sx={{ flex: 1 }}
              />
            </Stack>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField
                label={translate('resources.sources.fields.publisher')}
                value={newSource.publisher}
                onChange={(e) => setNewSource({ ...newSource, publisher: e.target.value })}
                error={!!newSourceErrors.publisher}
                helperText={srcErr('publisher') || ' '}
                slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'new-source-publisher' } }}
                sx={{ flex: 1 }}
              />
              <TextField
                label={translate('resources.sources.fields.url')}
                value={newSource.url}
                onChange={(e) => setNewSource({ ...newSource, url: e.target.value })}
                error={!!newSourceErrors.url}
                helperText={srcErr('url') || ' '}
                slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'new-source-url' } }}
                sx={{ flex: 2 }}
              />
            </Stack>
            <TextField
              label={translate('resources.sources.fields.title')}
              value={newSource.title}
              onChange={(e) => setNewSource({ ...newSource, title: e.target.value })}
              error={!!newSourceErrors.title}
              helperText={srcErr('title') || ' '}
              fullWidth
              slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'new-source-title' } }}
            />
            <TextField
              label={translate('resources.sources.fields.text')}
              value={newSource.text}
              onChange={(e) => setNewSource({ ...newSource, text: e.target.value })}
              error={!!newSourceErrors.text}
              helperText={srcErr('text') || ' '}
              fullWidth
              multiline
              minRows={2}
              slotProps={{
                htmlInput:
                  newSource.language === 'ur'
                    ? { ...urInput, 'data-testid': 'new-source-text' }
                    : { dir: 'auto', 'data-testid': 'new-source-text' },
              }}
            />
            <TextField
              label={translate('rabta.status.quote')}
              value={newSource.quote}
              onChange={(e) => setNewSource({ ...newSource, quote: e.target.value })}
              fullWidth
              multiline
              minRows={2}
              helperText={translate('rabta.status.quote_help')}
              slotProps={{
                htmlInput:
                  newSource.language === 'ur'
                    ? { ...urInput, 'data-testid': 'new-source-quote' }
                    : { dir: 'auto', 'data-testid': 'new-source-quote' },
              }}
            />
            <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
              <Button onClick={() => setAdding(false)} disabled={savingSource}>
                {translate('ra.action.cancel')}
              </Button>
              <Button variant="outlined" onClick={saveNewSource} disabled={savingSource} data-testid="new-source-add">
                {translate('rabta.status.add_new_source')}
              </Button>
            </Stack>
          </Paper>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || adding} data-testid="status-submit">
          {busy ? <CircularProgress size={20} color="inherit" /> : translate('rabta.status.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
