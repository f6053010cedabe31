import { useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Tooltip, Typography } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import {
  Confirm,
  Link,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { BilingualText } from '../common/Bilingual';
import { EnumText, HealthChip, StageChip } from '../common/chips';
import { useAsOf } from '../common/useAsOf';
import { useFormatters } from '../i18n/format';
import { StatusUpdateDialog } from './StatusUpdateDialog';

/** The initiative page's header: code, title, stage and health chips, and the actions (status, edit, archive). */
export function InitiativeHeader() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider();
  const { past } = useAsOf();
  const fmt = useFormatters();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'initiatives', record });
  const [statusOpen, setStatusOpen] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const archived = !!record.archivedAt;

  const archive = async () => {
    setBusy(true);
    try {
      if (archived) {
        await dataProvider.update('initiatives', {
          id: record.id,
          data: { archivedAt: null, version: record.version },
          previousData: record,
        });
        notify('rabta.actions.restored', { type: 'success' });
      } else {
        await dataProvider.delete('initiatives', { id: record.id, previousData: record });
        notify('rabta.actions.archived', { type: 'success', messageArgs: { smart_count: 1 } });
      }
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setArchiveOpen(false);
    }
  };

  return (
    <Paper sx={{ p: 2.5, mb: 2 }} data-testid="initiative-header">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography
            variant="overline"
            sx={{ fontFamily: 'monospace', letterSpacing: 1 }}
            data-testid="initiative-code"
          >
            {record.code}
          </Typography>
          <BilingualText source="title" variant="h5" component="h1" sx={{ display: 'block' }} />
          <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <StageChip stage={record.stage} size="medium" />
            <HealthChip health={record.health} size="medium" />
            {record.healthConfidence && (
              <Typography variant="caption" color="text.secondary">
                {translate('rabta.status.confidence')}: <EnumText name="confidence" value={record.healthConfidence} />
              </Typography>
            )}
            <Chip
              size="small"
              variant="outlined"
              label={translate('rabta.initiative.iati', { code: record.iatiStatus })}
            />
            {record.stale && (
              <Tooltip title={translate('rabta.initiative.stale_help')}>
                <Chip
                  size="small"
                  color="warning"
                  label={translate('rabta.initiative.stale')}
                  data-testid="stale-chip"
                />
              </Tooltip>
            )}
            {archived && <Chip size="small" label={translate('rabta.initiative.archived')} />}
            <Typography variant="caption" color="text.secondary">
              {translate('rabta.initiative.last_evidence')}:{' '}
              {record.lastEvidenceAt ? fmt.date(record.lastEvidenceAt) : translate('rabta.dashboard.no_evidence')}
            </Typography>
          </Stack>
        </Box>
        {canEdit && !past && (
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            {!archived && (
              <Button
                variant="contained"
                startIcon={<TrendingUpIcon />}
                onClick={() => setStatusOpen(true)}
                data-testid="update-status"
              >
                {translate('rabta.actions.update_status')}
              </Button>
            )}
            <Button
              component={Link}
              to={createPath({ resource: 'initiatives', id: record.id, type: 'edit' })}
              startIcon={<EditIcon />}
              variant="outlined"
              data-testid="edit-initiative"
            >
              {translate('ra.action.edit')}
            </Button>
            <Button startIcon={archived ? <UnarchiveIcon /> : <ArchiveIcon />} onClick={() => setArchiveOpen(true)}>
              {translate(archived ? 'rabta.actions.restore' : 'rabta.actions.archive')}
            </Button>
          </Stack>
        )}
      </Stack>
      {statusOpen && <StatusUpdateDialog record={record} open={statusOpen} onClose={() => setStatusOpen(false)} />}
      <Confirm
        isOpen={archiveOpen}
        loading={busy}
        title={archived ? 'rabta.actions.restore' : 'rabta.actions.archive'}
        content="ra.message.are_you_sure"
        onConfirm={archive}
        onClose={() => setArchiveOpen(false)}
      />
    </Paper>
  );
}
