import { useState } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { ORGANIZATION_KINDS } from '@rabta/domain/values';
import { hasArabicScript } from '@rabta/domain/text';
import { useCreate, useCreateSuggestionContext, useNotify, useTranslate } from 'react-admin';
import { textInputProps } from '../theme/theme';
import { errorText, serverFieldErrors } from './errors';

// A person or an organisation made from a picker (participants, signatories, lead organisations, focal person)
// without leaving the form: react-admin's create suggestion opens this dialog with what was typed, and the record
// made is chosen in the picker, the rest of the form as it was.

/** What was typed goes to the name in its own script. */
function namesFrom(typed: string): { nameEn: string; nameUr: string } {
  const t = typed.trim();
  return hasArabicScript(t) ? { nameEn: '', nameUr: t } : { nameEn: t, nameUr: '' };
}

type Errors = Record<string, string>;

function useSaveWith(kind: 'people' | 'organizations') {
  const translate = useTranslate();
  const [create] = useCreate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [form, setForm] = useState<string>();
  const save = async (data: Record<string, unknown>, then?: (id: number) => Promise<void>) => {
    setBusy(true);
    setErrors({});
    setForm(undefined);
    try {
      const record = await create(kind, { data }, { returnPromise: true });
      try {
        await then?.(Number(record.id));
        notify(`rabta.inline_create.saved_${kind}`, { type: 'success' });
      } catch (e) {
        // The record is made and chosen all the same (no second copy on a retry); what failed after it is said.
        notify(errorText(translate, (e as Error).message), { type: 'warning' });
      }
      return record;
    } catch (e) {
      const fields = serverFieldErrors(e);
      setErrors(fields);
      if (!Object.keys(fields).length) setForm((e as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { save, busy, errors, form };
}

export function CreatePersonDialog() {
  const translate = useTranslate();
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const [values, setValues] = useState({ ...namesFrom(filter ?? ''), titleEn: '', titleUr: '' });
  const [create] = useCreate();
  const { save, busy, errors, form } = useSaveWith('people');
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = async () => {
    const record = await save(
      {
        nameEn: values.nameEn.trim() || values.nameUr.trim(),
        ...(values.nameUr.trim() ? { nameUr: values.nameUr.trim() } : {}),
      },
      // A title makes a position the person holds.
      values.titleEn.trim() || values.titleUr.trim()
        ? async (personId) => {
            await create(
              'positions',
              {
                data: {
                  personId,
                  titleEn: values.titleEn.trim() || values.titleUr.trim(),
                  ...(values.titleUr.trim() ? { titleUr: values.titleUr.trim() } : {}),
                },
              },
              { returnPromise: true },
            );
          }
        : undefined,
    );
    if (record) onCreate(record);
  };
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="sm" fullWidth data-testid="create-person-dialog">
      <DialogTitle>{translate('rabta.inline_create.person')}</DialogTitle>
      <DialogContent dividers>
        {form && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(translate, form)}
          </Alert>
        )}
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={translate('resources.people.fields.nameEn')}
              value={values.nameEn}
              onChange={set('nameEn')}
              required={!values.nameUr.trim()}
              error={!!errors.nameEn}
              helperText={errorText(translate, errors.nameEn)}
              autoFocus
              fullWidth
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'new-person-name-en' } }}
            />
            <TextField
              label={translate('resources.people.fields.nameUr')}
              value={values.nameUr}
              onChange={set('nameUr')}
              error={!!errors.nameUr}
              helperText={errorText(translate, errors.nameUr)}
              fullWidth
              slotProps={{ htmlInput: { ...textInputProps('ur'), 'data-testid': 'new-person-name-ur' } }}
            />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={translate('resources.positions.fields.titleEn')}
              value={values.titleEn}
              onChange={set('titleEn')}
              fullWidth
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'new-person-title-en' } }}
            />
            <TextField
              label={translate('resources.positions.fields.titleUr')}
              value={values.titleUr}
              onChange={set('titleUr')}
              fullWidth
              slotProps={{ htmlInput: { ...textInputProps('ur'), 'data-testid': 'new-person-title-ur' } }}
            />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onCancel} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || !(values.nameEn.trim() || values.nameUr.trim())}
          data-testid="new-person-save"
        >
          {busy ? <CircularProgress size={20} color="inherit" /> : translate('ra.action.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function CreateOrganizationDialog() {
  const translate = useTranslate();
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const [values, setValues] = useState({ ...namesFrom(filter ?? ''), acronym: '', kind: 'government_agency' });
  const { save, busy, errors, form } = useSaveWith('organizations');
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = async () => {
    const record = await save({
      nameEn: values.nameEn.trim() || values.nameUr.trim(),
      ...(values.nameUr.trim() ? { nameUr: values.nameUr.trim() } : {}),
      ...(values.acronym.trim() ? { acronym: values.acronym.trim() } : {}),
      kind: values.kind,
    });
    if (record) onCreate(record);
  };
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="sm" fullWidth data-testid="create-organization-dialog">
      <DialogTitle>{translate('rabta.inline_create.organization')}</DialogTitle>
      <DialogContent dividers>
        {form && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(translate, form)}
          </Alert>
        )}
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={translate('resources.organizations.fields.nameEn')}
              value={values.nameEn}
              onChange={set('nameEn')}
              required={!values.nameUr.trim()}
              error={!!errors.nameEn}
              helperText={errorText(translate, errors.nameEn)}
              autoFocus
              fullWidth
              slotProps={{ htmlInput: { dir: 'ltr' } }}
            />
            <TextField
              label={translate('resources.organizations.fields.nameUr')}
              value={values.nameUr}
              onChange={set('nameUr')}
              fullWidth
              slotProps={{ htmlInput: textInputProps('ur') }}
            />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              label={translate('resources.organizations.fields.kind')}
              value={values.kind}
              onChange={set('kind')}
              fullWidth
            >
              {ORGANIZATION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`enums.organization_kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('resources.organizations.fields.acronym')}
              value={values.acronym}
              onChange={set('acronym')}
              fullWidth
              slotProps={{ htmlInput: { dir: 'auto' } }}
            />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onCancel} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || !(values.nameEn.trim() || values.nameUr.trim())}>
          {busy ? <CircularProgress size={20} color="inherit" /> : translate('ra.action.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
