import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField } from '@mui/material';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { errorText } from '../common/errors';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { apiErrorOf } from '../providers/http';

/** Change one's password (the server signs out one's other sessions). */
export default function PasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    setFormError(null);
    const local: Record<string, string> = {};
    if (newPassword.length < 12) local.newPassword = 'rabta.password.min_length';
    if (confirm !== newPassword) local.confirm = 'rabta.password.mismatch';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await dataProvider.changePassword({ currentPassword, newPassword });
      setDone(true);
      setCurrent('');
      setNew('');
      setConfirm('');
      notify('rabta.password.changed', { type: 'success' });
    } catch (err) {
      const body = apiErrorOf(err);
      const fieldErrors = { ...((body?.errors as Record<string, string>) ?? {}) };
      delete fieldErrors.root;
      if (body?.code === 'WEAK_PASSWORD' && !fieldErrors.newPassword)
        fieldErrors.newPassword = 'rabta.validation.weak_password';
      if (body?.code === 'INVALID_CREDENTIALS' && !fieldErrors.currentPassword)
        fieldErrors.currentPassword = 'rabta.errors.INVALID_CREDENTIALS';
      setErrors(fieldErrors);
      if (!Object.keys(fieldErrors).length) setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: 'currentPassword' | 'newPassword' | 'confirm',
    label: string,
    value: string,
    set: (v: string) => void,
    auto: string,
  ) => (
    <TextField
      type="password"
      label={translate(label)}
      value={value}
      onChange={(e) => set(e.target.value)}
      autoComplete={auto}
      error={!!errors[name]}
      helperText={
        errorText(translate, errors[name]) || (name === 'newPassword' ? translate('rabta.password.min_length') : ' ')
      }
      slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': `password-${name}` } }}
    />
  );

  return (
    <Box sx={{ maxWidth: 520, mt: 2 }}>
      <Title title="rabta.password.title" />
      <Card>
        <CardContent>
          <Stack component="form" spacing={2} onSubmit={submit} noValidate>
            {done && <Alert severity="success">{translate('rabta.password.changed')}</Alert>}
            {formError && <Alert severity="error">{errorText(translate, formError)}</Alert>}
            {field('currentPassword', 'rabta.password.current', currentPassword, setCurrent, 'current-password')}
            {field('newPassword', 'rabta.password.new', newPassword, setNew, 'new-password')}
            {field('confirm', 'rabta.password.confirm', confirm, setConfirm, 'new-password')}
            <Box>
              <Button
                type="submit"
                variant="contained"
                disabled={busy || !currentPassword || !newPassword}
                data-testid="password-submit"
              >
                {translate('rabta.password.submit')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
