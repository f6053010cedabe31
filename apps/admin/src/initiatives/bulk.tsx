import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { HEALTHS } from '@rabta/domain/values';
import {
  Confirm,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { effectiveMoment, todayIso } from '../common/dates';
import { LocalDateField } from '../common/LocalDateInput';

/** Archive (DELETE archives an initiative; it can be restored). */
export function BulkArchiveButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource!);
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await dataProvider.deleteMany(resource!, { ids: selectedIds });
      notify('rabta.actions.archived', { type: 'success', messageArgs: { smart_count: selectedIds.length } });
      unselectAll();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<ArchiveIcon />} onClick={() => setOpen(true)} data-testid="bulk-archive">
        {translate('rabta.actions.archive')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="rabta.actions.archive"
        content="ra.message.are_you_sure"
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** Health changes are status updates (with a note), one per initiative: the history stays truthful. */
export function BulkHealthButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource!);
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [health, setHealth] = useState<(typeof HEALTHS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [effectiveAt, setEffectiveAt] = useState(todayIso());

  const run = async () => {
    setBusy(true);
    let done = 0;
    try {
      for (const id of selectedIds) {
        await dataProvider.createStatusUpdate(id, {
          toHealth: health || undefined,
          effectiveAt: effectiveMoment(effectiveAt),
          note,
          sourceIds: [],
        });
        done += 1;
      }
      unselectAll();
      setOpen(false);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      if (done) notify('rabta.actions.health_changed', { type: 'success', messageArgs: { smart_count: done } });
      setBusy(false);
      refresh();
    }
  };

  return (
    <>
      <Button size="small" startIcon={<MonitorHeartIcon />} onClick={() => setOpen(true)} data-testid="bulk-health">
        {translate('rabta.actions.change_health')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('rabta.actions.change_health')}</DialogTitle>
        <DialogContent>
          <TextField
            select
            label={translate('rabta.status.to_health')}
            value={health}
            onChange={(e) => setHealth(e.target.value as (typeof HEALTHS)[number])}
            fullWidth
            margin="dense"
          >
            {HEALTHS.map((h) => (
              <MenuItem key={h} value={h}>
                {translate(`enums.health.${h}`)}
              </MenuItem>
            ))}
          </TextField>
          <LocalDateField
            label={translate('rabta.status.effective_at')}
            value={effectiveAt}
            onChange={(iso) => setEffectiveAt(iso ?? '')}
            size="medium"
            testId="bulk-effective-at"
            sx={{ mt: 1, mb: 0.5 }}
          />
          <TextField
            label={translate('rabta.status.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            fullWidth
            margin="dense"
            multiline
            minRows={2}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy || !health || !note.trim() || !effectiveAt} onClick={run}>
            {translate('ra.action.update')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
