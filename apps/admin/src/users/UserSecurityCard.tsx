import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import LogoutIcon from '@mui/icons-material/Logout';
import { useQueryClient } from '@tanstack/react-query';
import { Confirm, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { errorText } from '../common/errors';
import { api, apiErrorOf } from '../providers/http';
import { userTokensKey } from './UserTokensCard';

// An administrator's help for a user who forgot their password or whose account must be taken back: set a new
// password (their sessions end, a lockout is lifted) and sign them out everywhere. Beside the user's edit form.

export function UserSecurityCard() {
  const record = useRecordContext<{ id: number; name: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [setting, setSetting] = useState(false);
  const [ending, setEnding] = useState(false);
  if (!record) return null;
  const self = identity && Number(identity.id) === Number(record.id);

  const endSessions = async () => {
    try {
      const { revoked, tokensRevoked } = await api<{ revoked: number; tokensRevoked: number }>(
        `/users/${record.id}/revoke-sessions`,
        { method: 'POST' },
      );
      notify(
        [
          translate('rabta.users.sessions_ended', { smart_count: revoked, name: record.name }),
          ...(tokensRevoked
            ? [translate('rabta.users.tokens_ended', { smart_count: tokensRevoked, name: record.name })]
            : []),
        ].join(' · '),
        { type: 'info' },
      );
      void queryClient.invalidateQueries({ queryKey: userTokensKey(Number(record.id)) });
    } catch (err) {
      notify(errorText(translate, (err as Error).message), { type: 'error' });
    } finally {
      setEnding(false);
    }
  };

  return (
    <Card data-testid="user-security">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('rabta.users.security')}
        </Typography>
        {self ? (
          <Typography variant="body2" color="text.secondary">
            {translate('rabta.users.own_password')}
          </Typography>
        ) : (
          <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Typography variant="body2" color="text.secondary">
              {translate('rabta.users.security_help')}
            </Typography>
            <Button variant="outlined" startIcon={<LockResetIcon />} onClick={() => setSetting(true)}>
              {translate('rabta.users.set_password')}
            </Button>
            <Button variant="outlined" color="warning" startIcon={<LogoutIcon />} onClick={() => setEnding(true)}>
              {translate('rabta.users.end_sessions')}
            </Button>
          </Stack>
        )}
      </CardContent>
      {setting && <SetPasswordDialog userId={record.id} name={record.name} onClose={() => setSetting(false)} />}
      <Confirm
        isOpen={ending}
        title={translate('rabta.users.end_sessions_title', { name: record.name })}
        content={translate('rabta.users.end_sessions_content')}
        confirm={translate('rabta.users.end_sessions')}
        onConfirm={endSessions}
        onClose={() => setEnding(false)}
      />
    </Card>
  );
}

function SetPasswordDialog({ userId, name, onClose }: { userId: number; name: string; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/users/${userId}/password`, { method: 'POST', body: { password } });
      notify('rabta.users.password_set', { type: 'info', messageArgs: { name } });
      onClose();
    } catch (err) {
      const fieldErrors = apiErrorOf(err)?.errors as Record<string, string> | undefined;
      setError(fieldErrors?.password ?? (err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{translate('rabta.users.set_password_title', { name })}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('rabta.users.set_password_help')}
          </Alert>
          <TextField
            autoFocus
            fullWidth
            type="password"
            name="new-password"
            autoComplete="new-password"
            label={translate('rabta.users.new_password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={!!error}
            helperText={error ? errorText(translate, error) : translate('rabta.users.new_password_help')}
            slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'new-password' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !password}>
            {translate('rabta.users.set_password')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
