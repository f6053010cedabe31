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

/** The words to link: a recognised mention (with its type) or a selection. */
export interface Span {
  start: number;
  end: number;
  text: string;
  type?: string;
}

// A correction that teaches: the analyst says which known record a mention is, and (by default) Rabta learns the
// spelling — a person's alias, an initiative's tag, an organisation's missing name — so the next article is
// recognised.

type LinkResource = 'people' | 'organizations' | 'initiatives';

function defaultResource(span: Span): LinkResource {
  if (span.type === 'organization' || span.type === 'forum') return 'organizations';
  if (span.type === 'initiative' || span.type === 'sector') return 'initiatives';
  return 'people';
}

export function LinkMentionDialog({
  span,
  onClose,
  onLink,
}: {
  span: Span | null;
  onClose: () => void;
  onLink: (body: {
    start: number;
    end: number;
    resource: LinkResource;
    id: number;
    addAlias: boolean;
  }) => Promise<void>;
}) {
  const translate = useTranslate();
  const [resource, setResource] = useState<LinkResource | null>(null);
  const [addAlias, setAddAlias] = useState(true);
  if (!span) return null;
  const chosen = resource ?? defaultResource(span);
  const submit = async (values: Record<string, unknown>) => {
    const id = Number(values.recordId);
    if (!id) return { recordId: 'ra.validation.required' };
    await onLink({ start: span.start, end: span.end, resource: chosen, id, addAlias });
    return undefined;
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="mention-link-dialog">
      <Form onSubmit={submit} key={chosen}>
        <DialogTitle>{translate('rabta.intake.link_title', { text: span.text })}</DialogTitle>
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
