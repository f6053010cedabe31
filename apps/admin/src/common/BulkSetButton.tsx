import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { useListContext, useNotify, useRefresh, useTranslate, useUnselectAll, useUpdateMany } from 'react-admin';

/** Set one field on the selected rows (each PUT carries its record's version: see dataProvider.updateMany). */
export function BulkSetButton({
  field,
  label,
  choices,
  done,
}: {
  field: string;
  label: string;
  choices: { id: string; name: string }[];
  done: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource!);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [updateMany, { isPending }] = useUpdateMany();
  const run = () =>
    updateMany(
      resource!,
      { ids: selectedIds, data: { [field]: value } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(done, { type: 'success', messageArgs: { smart_count: selectedIds.length } });
          unselectAll();
          setOpen(false);
          refresh();
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );
  return (
    <>
      <Button size="small" startIcon={<EditNoteIcon />} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          <TextField
            select
            value={value}
            onChange={(e) => setValue(e.target.value)}
            fullWidth
            margin="dense"
            label={translate(label)}
          >
            {choices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={run} disabled={!value || isPending}>
            {translate('ra.action.update')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
