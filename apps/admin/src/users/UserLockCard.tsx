import { useState } from 'react';
import { Alert, AlertTitle, Button } from '@mui/material';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { User } from '@rabta/domain/schemas/users';
import { errorText } from '../common/errors';
import { useFormatters } from '../i18n/format';
import { api } from '../providers/http';

// When someone failed to sign in to this account too often from an address, sign-in is locked from there (never from
// elsewhere: guessing cannot lock the owner out). The admin sees from where and until when, and can lift it.

export function UserLockCard() {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { dateTime } = useFormatters();
  const [busy, setBusy] = useState(false);
  if (!record?.lockedUntil) return null;

  const unlock = async () => {
    setBusy(true);
    try {
      await api<User>(`/users/${record.id}/unlock`, { method: 'POST' });
      notify('rabta.users.unlocked', { type: 'info', messageArgs: { name: record.name } });
      refresh();
    } catch (err) {
      notify(errorText(translate, (err as Error).message), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="user-lock"
      action={
        <Button color="inherit" size="small" startIcon={<LockOpenIcon />} disabled={busy} onClick={unlock}>
          {translate('rabta.users.unlock')}
        </Button>
      }
    >
      <AlertTitle>{translate('rabta.users.locked_title')}</AlertTitle>
      {translate('rabta.users.locked_help', {
        until: dateTime(record.lockedUntil),
        addresses: record.lockedFrom.join(', '),
      })}
    </Alert>
  );
}

/** The list's column: a chip on locked accounts. */
export function LockedChip() {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  const { dateTime } = useFormatters();
  if (!record?.lockedUntil) return null;
  return (
    <Alert severity="warning" icon={false} sx={{ py: 0, px: 1 }} title={dateTime(record.lockedUntil)}>
      {translate('rabta.users.locked')}
    </Alert>
  );
}
