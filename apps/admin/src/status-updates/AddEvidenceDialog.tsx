import { useState } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import AddLinkIcon from '@mui/icons-material/AddLink';
import { useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { errorText } from '../common/errors';
import { EvidencePicker } from '../evidence/EvidencePicker';
import type { PickedSource } from '../evidence/picked';
import type { RabtaDataProvider } from '../providers/dataProvider';

/**
 * More evidence for a recorded status update: sources found or added as in the status dialog (EvidencePicker), each
 * with its passage, cited for the update (POST /api/sources/:id/citations).
 */
export function AddEvidenceButton({ record }: { record: RaRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { canAccess } = useCanAccess({ action: 'create', resource: 'evidence' });
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<PickedSource[]>([]);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!canAccess) return null;

  const close = () => {
    setOpen(false);
    setPicked([]);
    setError(undefined);
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      for (const s of picked)
        await dataProvider.cite(s.id, {
          quote: s.quote.trim() || null,
          targets: [{ statusUpdateId: Number(record.id) }],
        });
      notify('rabta.cite.evidence_added', { type: 'success', messageArgs: { smart_count: picked.length } });
      refresh();
      close();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<AddLinkIcon />} onClick={() => setOpen(true)} data-testid="add-evidence">
        {translate('rabta.actions.add_evidence')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('rabta.actions.add_evidence')}</DialogTitle>
        <DialogContent dividers>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {errorText(translate, error)}
            </Alert>
          )}
          <EvidencePicker
            value={picked}
            onUpdate={(update) => setPicked(update)}
            onAddingChange={setAdding}
            articleDate={String(record.effectiveAt ?? '').slice(0, 10) || undefined}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={save} disabled={busy || adding || picked.length === 0}>
            {busy ? <CircularProgress size={20} color="inherit" /> : translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
