import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { AutocompleteInput, Form, ReferenceInput, SaveButton, useTranslate } from 'react-admin';
import type { Mention } from '@rabta/domain/schemas/intake';

// A correction that teaches: the analyst says which known record a mention is, and (by default) Rabta learns the
// spelling — a person's alias, an initiative's tag, an organisation's missing name — so the next article is
// recognised.

type LinkResource = 'people' | 'organizations' | 'initiatives';

function defaultResource(m: Mention): LinkResource {
  if (m.type === 'organization' || m.type === 'forum') return 'organizations';
  if (m.type === 'initiative' || m.type === 'sector') return 'initiatives';
  return 'people';
}

export function LinkMentionDialog({
  mention,
  onClose,
  onLink,
}: {
  mention: Mention | null;
  onClose: () => void;
  onLink: (body: { resource: LinkResource; id: number; addAlias: boolean }) => Promise<void>;
}) {
  const translate = useTranslate();
  const [resource, setResource] = useState<LinkResource | null>(null);
  const [addAlias, setAddAlias] = useState(true);
  if (!mention) return null;
  const chosen = resource ?? defaultResource(mention);
  const submit = async (values: Record<string, unknown>) => {
    const id = Number(values.recordId);
    if (!id) return { recordId: 'ra.validation.required' };
    await onLink({ resource: chosen, id, addAlias });
    return undefined;
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="mention-link-dialog">
      <Form onSubmit={submit} key={chosen}>
        <DialogTitle>{translate('rabta.intake.link_title', { text: mention.text })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              select
              label={translate('rabta.intake.link_resource')}
              value={chosen}
              onChange={(e) => setResource(e.target.value as LinkResource)}
            >
              {(['people', 'organizations', 'initiatives'] as const).map((r) => (
                <MenuItem key={r} value={r}>
                  {translate(`resources.${r}.name`, { smart_count: 1 })}
                </MenuItem>
              ))}
            </TextField>
            <ReferenceInput source="recordId" reference={chosen}>
              <AutocompleteInput label={translate('rabta.intake.link_record')} />
            </ReferenceInput>
            <FormControlLabel
              control={<Checkbox checked={addAlias} onChange={(e) => setAddAlias(e.target.checked)} />}
              label={translate('rabta.intake.link_alias')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="rabta.intake.link" alwaysEnable icon={<></>} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
