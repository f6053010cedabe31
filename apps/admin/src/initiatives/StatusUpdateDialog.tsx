import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
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
  Stack,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { get, useController, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { allowedNextStages, stageInForceAt } from '@rabta/domain/lifecycle';
import { CONFIDENCES, HEALTHS, INITIATIVE_STAGES } from '@rabta/domain/values';
import type { CreateStatusUpdate } from '@rabta/domain/schemas/resources';
import { useDataProvider, useGetList, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { HealthChip, StageChip } from '../common/chips';
import { domainResolver } from '../common/domainResolver';
import { effectiveMoment, todayIso } from '../common/dates';
import { errorText } from '../common/errors';
import { useFormatters } from '../i18n/format';
import { FormTextField } from '../common/FormTextField';
import { FormDateField } from '../common/LocalDateInput';
import { EvidencePicker } from '../evidence/EvidencePicker';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { textInputProps } from '../theme/theme';
import {
  emptyStatusUpdate,
  statusUpdateErrorsOf,
  StatusUpdateFormSchema,
  type StatusUpdateFormValues,
} from './statusUpdateForm';

/**
 * "Update status": only the stages the lifecycle allows next, the health, the effective date, a note in English and
 * Urdu, and the evidence (evidence/EvidencePicker). The form is checked by the API's schema before it is sent;
 * errors from the server appear beside the fields they concern. Mounted when opened: every field starts empty.
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
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const fmt = useFormatters();
  const [addingSource, setAddingSource] = useState(false);

  const {
    control,
    handleSubmit,
    getValues,
    setValue,
    setError,
    formState: { errors, isSubmitting: busy },
  } = useForm<StatusUpdateFormValues, unknown, CreateStatusUpdate>({
    defaultValues: emptyStatusUpdate(),
    resolver: domainResolver(StatusUpdateFormSchema),
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { field: sources } = useController({ name: 'sources', control });
  const [effectiveDay, toStage, toHealth] = useWatch({ control, name: ['effectiveAt', 'toStage', 'toHealth'] });
  // A back-dated update is checked against the stage in force on its date (as the API does): the stages offered
  // and the "now" shown follow the effective date.
  const backDated = !!effectiveDay && effectiveDay < todayIso();
  const { data: history } = useGetList(
    'status-updates',
    {
      filter: { initiativeId: record.id },
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'effectiveAt', order: 'ASC' },
    },
    { enabled: open && backDated },
  );
  const stageThen = useMemo(
    () =>
      backDated && history
        ? stageInForceAt(
            history.map((u) => ({
              id: Number(u.id),
              toStage: u.toStage,
              effectiveAt: u.effectiveAt,
              recordedAt: u.recordedAt,
            })),
            effectiveMoment(effectiveDay),
          )
        : (record.stage as string),
    [backDated, history, effectiveDay, record.stage],
  );
  const allowed: string[] = useMemo(() => {
    if (!backDated) return (record.allowedNextStages as string[] | undefined) ?? [];
    if (!history) return [];
    return stageThen ? [...allowedNextStages(stageThen as never)] : [...INITIATIVE_STAGES];
  }, [backDated, history, stageThen, record.allowedNextStages]);
  // A stage chosen for another date that this one does not allow is dropped.
  useEffect(() => {
    if (toStage && history !== undefined && !allowed.includes(toStage)) setValue('toStage', '');
  }, [allowed, toStage, history, setValue]);
  const development = !toStage && !toHealth;

  // The evidence's errors are under the body's names: `sourceIds`, `quotes.<source id>`.
  const messageAt = (path: string) => (get(errors, path) as { message?: string } | undefined)?.message;

  const submit = handleSubmit(async (body) => {
    try {
      await dataProvider.createStatusUpdate(record.id, body);
      notify('rabta.status.saved', { type: 'success' });
      onClose();
      refresh();
    } catch (e) {
      const { fields, form } = statusUpdateErrorsOf(e, (s) => translate(`enums.stage.${s}`));
      for (const [name, message] of Object.entries(fields))
        setError(name as FieldPath<StatusUpdateFormValues>, { type: 'server', message });
      if (form) setError('root.server', { type: 'server', message: form });
    }
  });

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
          <Typography variant="body2" color="text.secondary" data-testid="status-in-force">
            {backDated
              ? translate('rabta.status.in_force', { date: fmt.date(effectiveDay) })
              : translate('rabta.status.current')}
          </Typography>
          {stageThen && <StageChip stage={stageThen} />}
          {!backDated && <HealthChip health={record.health} />}
        </Stack>
        {errors.root?.server && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(translate, errors.root.server.message)}
          </Alert>
        )}
        {allowed.length === 0 && (!backDated || history) && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('rabta.status.no_next_stage')}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormTextField
            control={control}
            name="toStage"
            select
            label={translate('rabta.status.to_stage')}
            helperText={translate(development ? 'rabta.status.development_help' : 'rabta.status.evidence_help')}
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
          </FormTextField>
          <FormTextField
            control={control}
            name="toHealth"
            select
            label={translate('rabta.status.to_health')}
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
          </FormTextField>
          <FormTextField
            control={control}
            name="healthConfidence"
            select
            label={translate('rabta.status.confidence')}
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
          </FormTextField>
          <FormDateField
            control={control}
            name="effectiveAt"
            label={translate('rabta.status.effective_at')}
            testId="status-effective-at"
            sx={{ flex: 1.2 }}
          />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <FormTextField
            control={control}
            name="note"
            label={translate('rabta.bilingual.label', {
              field: translate('rabta.status.note'),
              language: translate('rabta.bilingual.en'),
            })}
            multiline
            minRows={3}
            required
            slotProps={{ htmlInput: { dir: 'ltr', lang: 'en', 'data-testid': 'status-note' } }}
            sx={{ flex: 1 }}
          />
          <FormTextField
            control={control}
            name="noteUr"
            label={translate('rabta.bilingual.label', {
              field: translate('rabta.status.note'),
              language: translate('rabta.bilingual.ur'),
            })}
            multiline
            minRows={3}
            slotProps={{ htmlInput: { ...textInputProps('ur'), 'data-testid': 'status-note-ur' } }}
            sx={{ flex: 1 }}
          />
        </Stack>

        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('rabta.status.sources')}
        </Typography>
        <EvidencePicker
          value={sources.value}
          onUpdate={(update) => setValue('sources', update(getValues('sources')))}
          error={messageAt('sourceIds')}
          quoteError={(id) => messageAt(`quotes.${id}`)}
          onAddingChange={setAddingSource}
          articleDate={effectiveDay}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || addingSource} data-testid="status-submit">
          {busy ? <CircularProgress size={20} color="inherit" /> : translate('rabta.status.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
