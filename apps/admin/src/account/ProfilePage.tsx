import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import {
  Title,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
  ReferenceArrayField,
  RecordContextProvider,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../common/errors';
import { isLocale } from '../i18n';
import { patchUser } from '../providers/authProvider';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { apiErrorOf } from '../providers/http';
import type { Me } from '../providers/types';

/** Own name and language (the language is also switched from the app bar). */
export default function ProfilePage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { data: me, refetch } = useQuery({ queryKey: ['me'], queryFn: () => dataProvider.getMe() });
  return (
    <Box sx={{ maxWidth: 640, mt: 2 }}>
      <Title title="rabta.profile.title" />
      <Card>
        <CardContent>
          {!me ? (
            <Typography>{translate('rabta.common.loading')}</Typography>
          ) : (
            <ProfileForm me={me} onSaved={() => void refetch()} />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

function ProfileForm({ me, onSaved }: { me: Me; onSaved: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [, setLocale] = useLocaleState();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const [name, setName] = useState(me.name);
  const [locale, setLocaleField] = useState<'en' | 'ur'>(me.locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const updated = await dataProvider.updateMe({ name: name.trim(), locale });
      patchUser({ name: updated?.name ?? name.trim(), locale });
      setLocale(locale);
      notify('rabta.profile.saved', { type: 'success' });
      onSaved();
    } catch (e) {
      const body = apiErrorOf(e);
      const fieldErrors = { ...((body?.errors as Record<string, string>) ?? {}) };
      delete fieldErrors.root;
      setErrors(fieldErrors);
      if (!Object.keys(fieldErrors).length) notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <TextField
        label={translate('rabta.profile.email')}
        value={me.email}
        disabled
        slotProps={{ htmlInput: { dir: 'ltr' } }}
      />
      <TextField
        label={translate('rabta.profile.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={!!errors.name}
        helperText={errorText(translate, errors.name) || ' '}
        slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'profile-name' } }}
      />
      <TextField
        select
        label={translate('rabta.profile.language')}
        value={locale}
        onChange={(e) => isLocale(e.target.value) && setLocaleField(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'profile-locale' } }}
      >
        <MenuItem value="en">English</MenuItem>
        <MenuItem value="ur">اردو</MenuItem>
      </TextField>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('rabta.profile.role')}:
        </Typography>
        <Chip size="small" label={translate(`enums.role.${me.role}`)} />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('rabta.profile.sectors')}:
        </Typography>
        {me.sectorIds.length === 0 ? (
          <Chip size="small" variant="outlined" label={translate('rabta.profile.all_sectors')} />
        ) : (
          <RecordContextProvider value={{ id: me.id, sectorIds: me.sectorIds }}>
            <ReferenceArrayField source="sectorIds" reference="sectors" resource="users" />
          </RecordContextProvider>
        )}
      </Stack>
      {errors.locale && <Alert severity="error">{errorText(translate, errors.locale)}</Alert>}
      <Box>
        <Button variant="contained" onClick={save} disabled={busy || !name.trim()} data-testid="profile-save">
          {translate('ra.action.save')}
        </Button>
      </Box>
    </Stack>
  );
}
