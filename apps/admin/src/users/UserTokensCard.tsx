import { useState } from 'react';
import { Card, CardContent, Chip, IconButton, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ApiToken } from '@rabta/domain/schemas/users';
import { tokenState } from '../account/tokens';
import { errorText } from '../common/errors';
import { useFormatters } from '../i18n/format';
import { api } from '../providers/http';

// A user's personal API tokens as their admin sees them (GET /api/users/:id/tokens): name, prefix, expiry and last
// use, never the secret; each can be revoked at once (a leaked token, a script that must stop).

export const userTokensKey = (userId: number) => ['users', userId, 'tokens'];

export function UserTokensCard() {
  const record = useRecordContext<{ id: number; name: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { dateTime } = useFormatters();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const userId = record ? Number(record.id) : 0;
  const { data: tokens, error } = useQuery({
    queryKey: userTokensKey(userId),
    queryFn: () => api<ApiToken[]>(`/users/${userId}/tokens`),
    enabled: !!record,
  });
  if (!record) return null;

  const revoke = async () => {
    const token = revoking!;
    try {
      await api<void>(`/users/${userId}/tokens/${token.id}`, { method: 'DELETE' });
      notify('rabta.users.token_revoked', { type: 'info', messageArgs: { name: token.name } });
    } catch (err) {
      notify(errorText(translate, (err as Error).message), { type: 'error' });
    } finally {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: userTokensKey(userId) });
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="user-tokens">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('rabta.users.tokens')}
        </Typography>
        {error ? (
          <Typography color="error">{errorText(translate, (error as Error).message)}</Typography>
        ) : tokens && tokens.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('rabta.users.no_tokens')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {(tokens ?? []).map((t) => (
              <ListItem
                key={t.id}
                disableGutters
                data-testid={`user-token-${t.id}`}
                secondaryAction={
                  <Tooltip title={translate('rabta.tokens.revoke')}>
                    <IconButton
                      edge="end"
                      aria-label={`${translate('rabta.tokens.revoke')} ${t.name}`}
                      onClick={() => setRevoking(t)}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </Tooltip>
                }
              >
                <ListItemText
                  primary={
                    <>
                      {t.name}{' '}
                      {tokenState(t) === 'expired' && (
                        <Chip size="small" label={translate('rabta.tokens.states.expired')} />
                      )}
                    </>
                  }
                  secondary={
                    <>
                      <span dir="ltr">{t.prefix}…</span>
                      {' · '}
                      {t.lastUsedAt
                        ? translate('rabta.users.token_last_used', { date: dateTime(t.lastUsedAt) })
                        : translate('rabta.tokens.never_used')}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
      <Confirm
        isOpen={!!revoking}
        title={translate('rabta.tokens.revoke_title', { name: revoking?.name ?? '' })}
        content={translate('rabta.users.token_revoke_content', { name: record.name })}
        confirm={translate('rabta.tokens.revoke')}
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </Card>
  );
}
