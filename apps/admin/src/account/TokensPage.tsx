import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, Title, useNotify, useTranslate } from 'react-admin';
import type { ApiToken, CreateApiToken, IssuedApiToken } from '@rabta/domain/schemas/users';
import { errorText } from '../common/errors';
import { LocalDateField } from '../common/LocalDateInput';
import { useFormatters } from '../i18n/format';
import { api, apiErrorOf } from '../providers/http';
import { curlExample, EXPIRY_PRESETS, expiryOf, tokenState, type ExpiryPreset } from './tokens';
import { copyToClipboard } from '../common/clipboard';

// Personal API tokens for scripts (as GitHub's and GitLab's personal access tokens): create one with a name and an
// expiry, see it once, list and revoke. Every role manages its own; the API enforces that.

const QUERY_KEY = ['auth', 'tokens'];
const listTokens = () => api<ApiToken[]>('/auth/tokens');
const issueToken = (body: CreateApiToken) => api<IssuedApiToken>('/auth/tokens', { method: 'POST', body });
const revokeToken = (id: number) => api<void>(`/auth/tokens/${id}`, { method: 'DELETE' });

/** Tomorrow as YYYY-MM-DD in the browser's time zone: the earliest date the picker offers. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default function TokensPage() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { data: tokens, error, dataUpdatedAt } = useQuery({ queryKey: QUERY_KEY, queryFn: listTokens });
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: QUERY_KEY });

  return (
    <Box sx={{ maxWidth: 1000, mt: 2 }} data-testid="tokens-page">
      <Title title="rabta.tokens.title" />
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('rabta.tokens.new')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('rabta.tokens.intro')}
            </Typography>
            <CreateTokenForm
              onIssued={(token) => {
                setIssued(token);
                refresh();
              }}
            />
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('rabta.tokens.yours')}
            </Typography>
            {error ? (
              <Alert severity="error">{errorText(translate, (error as Error).message)}</Alert>
            ) : !tokens ? (
              <Typography>{translate('rabta.common.loading')}</Typography>
            ) : tokens.length === 0 ? (
              <Typography color="text.secondary" data-testid="tokens-empty">
                {translate('rabta.tokens.empty')}
              </Typography>
            ) : (
              <TokenTable tokens={tokens} now={dataUpdatedAt} onRevoked={refresh} />
            )}
          </CardContent>
        </Card>
      </Stack>
      {issued && (
        <IssuedTokenDialog
          token={issued}
          onClose={() => {
            setIssued(null);
            refresh();
          }}
        />
      )}
    </Box>
  );
}

function CreateTokenForm({ onIssued }: { onIssued: (token: IssuedApiToken) => void }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<ExpiryPreset>('90');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'rabta.validation.required';
    if (preset === 'date' && !date) local.expiresAt = 'rabta.validation.required';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const token = await issueToken({ name: name.trim(), expiresAt: expiryOf(preset, date) });
      setName('');
      setDate('');
      onIssued(token);
    } catch (err) {
      const fieldErrors = { ...((apiErrorOf(err)?.errors as Record<string, string> | undefined) ?? {}) };
      delete fieldErrors.root;
      setErrors(fieldErrors);
      if (!fieldErrors.name && !fieldErrors.expiresAt) setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const expiryHint =
    preset === 'never'
      ? translate('rabta.tokens.never_hint')
      : preset === 'date'
        ? ' '
        : translate('rabta.tokens.expires_on', { date: fmt.date(expiryOf(preset, '')) });

  return (
    <Stack component="form" onSubmit={submit} noValidate spacing={2} data-testid="token-form">
      {formError && <Alert severity="error">{errorText(translate, formError)}</Alert>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={translate('rabta.tokens.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={!!errors.name}
          helperText={errorText(translate, errors.name) || translate('rabta.tokens.name_help')}
          sx={{ flex: 2, minWidth: 240 }}
          slotProps={{ htmlInput: { dir: 'auto', maxLength: 100, 'data-testid': 'token-name' } }}
        />
        <TextField
          select
          label={translate('rabta.tokens.expiry')}
          value={preset}
          onChange={(e) => setPreset(e.target.value as ExpiryPreset)}
          error={!!errors.expiresAt && preset !== 'date'}
          helperText={(preset !== 'date' && errorText(translate, errors.expiresAt)) || expiryHint}
          sx={{ flex: 1, minWidth: 200 }}
          slotProps={{
            select: { SelectDisplayProps: { 'data-testid': 'token-expiry' } as React.HTMLAttributes<HTMLDivElement> },
          }}
        >
          {EXPIRY_PRESETS.map((p) => (
            <MenuItem key={p} value={p} data-testid={`token-expiry-${p}`}>
              {translate(`rabta.tokens.expiry_preset.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        {preset === 'date' && (
          <LocalDateField
            label={translate('rabta.tokens.expiry_date')}
            value={date}
            onChange={(iso) => setDate(iso ?? '')}
            error={errorText(translate, errors.expiresAt) || false}
            helperText=" "
            size="medium"
            fullWidth={false}
            testId="token-expiry-date"
            min={tomorrow()}
            sx={{ flex: 1, minWidth: 180 }}
          />
        )}
      </Stack>
      <Box>
        <Button type="submit" variant="contained" startIcon={<KeyIcon />} disabled={busy} data-testid="token-create">
          {translate('rabta.tokens.create')}
        </Button>
      </Box>
    </Stack>
  );
}

/** `now`: when the list was fetched, so a token's state is that of the moment the list was read. */
function TokenTable({ tokens, now, onRevoked }: { tokens: ApiToken[]; now: number; onRevoked: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const fmt = useFormatters();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await revokeToken(revoking.id);
      notify('rabta.tokens.revoked', { type: 'success', messageArgs: { name: revoking.name } });
      onRevoked();
    } catch (err) {
      notify(errorText(translate, (err as Error).message), { type: 'error' });
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <>
      <Table size="small" data-testid="tokens-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('rabta.tokens.name')}</TableCell>
            <TableCell>{translate('rabta.tokens.created')}</TableCell>
            <TableCell>{translate('rabta.tokens.expires')}</TableCell>
            <TableCell>{translate('rabta.tokens.last_used')}</TableCell>
            <TableCell>{translate('rabta.tokens.state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {tokens.map((t) => {
            const state = tokenState(t, now);
            return (
              <TableRow key={t.id} data-testid={`token-row-${t.id}`} data-state={state}>
                <TableCell>
                  <Typography variant="body2" dir="auto" sx={{ fontWeight: 500 }}>
                    {t.name}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    dir="ltr"
                    sx={{ fontFamily: 'monospace', display: 'inline-block' }}
                  >
                    {t.prefix}…
                  </Typography>
                </TableCell>
                <TableCell>{fmt.dateTime(t.createdAt)}</TableCell>
                <TableCell>{t.expiresAt ? fmt.dateTime(t.expiresAt) : translate('rabta.tokens.never')}</TableCell>
                <TableCell>
                  {t.lastUsedAt ? fmt.dateTime(t.lastUsedAt) : translate('rabta.tokens.never_used')}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={state === 'active' ? 'success' : 'default'}
                    variant={state === 'active' ? 'filled' : 'outlined'}
                    label={translate(`rabta.tokens.states.${state}`)}
                  />
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    color="error"
                    onClick={() => setRevoking(t)}
                    data-testid={`token-revoke-${t.id}`}
                  >
                    {translate('rabta.tokens.revoke')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Confirm
        isOpen={!!revoking}
        loading={busy}
        title="rabta.tokens.revoke_title"
        titleTranslateOptions={{ name: revoking?.name ?? '' }}
        content="rabta.tokens.revoke_content"
        confirm="rabta.tokens.revoke"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}

function IssuedTokenDialog({ token, onClose }: { token: IssuedApiToken; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const example = curlExample(token.token, window.location.origin);
  const copyAndSay = async (text: string) => {
    await copyToClipboard(text);
    notify('rabta.tokens.copied', { type: 'info' });
  };
  const mono = { fontFamily: 'monospace', fontSize: 14 };

  return (
    // Only the button closes it: a stray click outside must not lose the one chance to copy the token.
    <Dialog
      open
      onClose={(_, reason) => reason !== 'backdropClick' && onClose()}
      maxWidth="md"
      fullWidth
      data-testid="token-issued-dialog"
    >
      <DialogTitle>{translate('rabta.tokens.issued_title', { name: token.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{translate('rabta.tokens.issued_warning')}</Alert>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              value={token.token}
              fullWidth
              label={translate('rabta.tokens.token')}
              onFocus={(e) => e.target.select()}
              slotProps={{ htmlInput: { readOnly: true, dir: 'ltr', style: mono, 'data-testid': 'token-secret' } }}
            />
            <Tooltip title={translate('rabta.common.copy')}>
              <IconButton
                onClick={() => void copyAndSay(token.token)}
                aria-label={translate('rabta.tokens.copy_token')}
                data-testid="token-copy"
              >
                <ContentCopyIcon />
              </IconButton>
            </Tooltip>
          </Stack>
          <Typography variant="body2">{translate('rabta.tokens.example')}</Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Box
              component="pre"
              dir="ltr"
              data-testid="token-curl"
              sx={{
                ...mono,
                flex: 1,
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                textAlign: 'start',
              }}
            >
              {example}
            </Box>
            <Tooltip title={translate('rabta.common.copy')}>
              <IconButton
                onClick={() => void copyAndSay(example)}
                aria-label={translate('rabta.tokens.copy_example')}
                data-testid="token-copy-curl"
              >
                <ContentCopyIcon />
              </IconButton>
            </Tooltip>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('rabta.tokens.acts_as_you')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} data-testid="token-issued-close">
          {translate('rabta.tokens.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
