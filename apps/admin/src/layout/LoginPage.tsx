import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useLocaleState, useLogin, useTranslate } from 'react-admin';
import { isLocale } from '../i18n';
import { useAuthNotice } from '../providers/authNotice';
import { markExplicitLocaleChoice } from './localeChoice';
import { FONT_NASTALIQ } from '../theme/theme';

/** Sign-in: the app's name in both scripts, a language switch that works before sign-in, and why we are here. */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [locale, setLocale] = useLocaleState();
  const notice = useAuthNotice();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email: email.trim(), password });
    } catch (e) {
      setError((e as Error).message || 'ra.auth.sign_in_error');
      setBusy(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #0b5563 0%, #124559 55%, #01161e 100%)',
        p: 2,
      }}
    >
      <Card sx={{ width: 400, maxWidth: '100%' }} elevation={6}>
        <CardContent sx={{ p: 4 }}>
          <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', mb: 1, gap: 2 }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              Rabta
            </Typography>
            <Typography
              lang="ur"
              dir="rtl"
              sx={{ fontFamily: `${FONT_NASTALIQ}, serif`, fontSize: '1.6rem', lineHeight: 2 }}
            >
              رابطہ
            </Typography>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {translate('rabta.app.tagline')}
          </Typography>
          {notice === 'expired' && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="session-expired">
              {translate('rabta.auth.session_expired')}
            </Alert>
          )}
          {notice === 'signed_out' && !error && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('rabta.auth.signed_out')}
            </Alert>
          )}
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {translate(error, { _: error })}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <TextField
              label={translate('rabta.auth.email')}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
              required
              fullWidth
              margin="normal"
              variant="outlined"
              slotProps={{ htmlInput: { dir: 'ltr' } }}
            />
            <TextField
              label={translate('rabta.auth.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              fullWidth
              margin="normal"
              variant="outlined"
              slotProps={{ htmlInput: { dir: 'ltr' } }}
            />
            <Button
              type="submit"
              variant="contained"
              fullWidth
              size="large"
              sx={{ mt: 2 }}
              disabled={busy || !email || !password}
            >
              {busy ? <CircularProgress size={22} color="inherit" /> : translate('rabta.auth.sign_in')}
            </Button>
          </form>
          <Box sx={{ mt: 3, display: 'flex', justifyContent: 'center' }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={locale}
              aria-label={translate('rabta.auth.language')}
              onChange={(_e, value) => {
                if (!isLocale(value)) return;
                markExplicitLocaleChoice();
                setLocale(value);
              }}
            >
              <ToggleButton value="en" lang="en">
                English
              </ToggleButton>
              <ToggleButton value="ur" lang="ur" sx={{ fontFamily: 'inherit' }}>
                اردو
              </ToggleButton>
            </ToggleButtonGroup>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
