import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  Form,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { InitiativeInput, MilestoneInput } from '../common/inputs';
import { AGREEMENT_KINDS, ENGAGEMENT_FORMATS, ENGAGEMENT_STATUSES, INITIATIVE_STAGES } from '@rabta/domain/values';
import type { Proposal } from '@rabta/domain/schemas/intake';

// Edit-then-accept: the proposal's body in a form of the fields its kind writes; what the analyst changes is sent as
// `data` and validated on the server by the resource's own schema (errors show beside the fields).

const FIELDS: Record<Proposal['kind'], string[]> = {
  engagement: [
    'titleEn',
    'titleUr',
    'format',
    'status',
    'startDate',
    'endDate',
    'placeEn',
    'placeUr',
    'forumName',
    'sessionNumber',
    'participantIds',
    'newParticipants',
    'initiativeIds',
  ],
  agreement: [
    'kind',
    'titleEn',
    'titleUr',
    'signedDate',
    'signedPlaceEn',
    'signedPlaceUr',
    'signatoryIds',
    'newSignatories',
    'initiativeIds',
  ],
  evidence: ['initiativeId', 'milestoneId', 'engagementId', 'agreementId', 'quote'],
  milestone_date: ['milestoneId', 'initiativeId', 'titleEn', 'titleUr', 'plannedDate', 'precision'],
  status_change: ['initiativeId', 'toStage', 'effectiveAt', 'note', 'noteUr'],
  new_person: ['nameUr', 'nameEn', 'titleEn', 'titleUr', 'organizationId'],
};

const REF_ARRAYS: Record<string, string> = {
  participantIds: 'people',
  signatoryIds: 'people',
  initiativeIds: 'initiatives',
};
const REFS: Record<string, string> = {
  initiativeId: 'initiatives',
  milestoneId: 'milestones',
  engagementId: 'engagements',
  agreementId: 'agreements',
  organizationId: 'organizations',
};
const DATES = new Set(['startDate', 'endDate', 'signedDate', 'plannedDate', 'effectiveAt']);
const LONG = new Set(['quote', 'note', 'noteUr']);
const URDU = new Set(['titleUr', 'placeUr', 'signedPlaceUr', 'noteUr', 'nameUr']);

function choicesOf(key: string, kind: Proposal['kind'], translate: (k: string) => string) {
  const make = (prefix: string, values: readonly string[]) =>
    values.map((id) => ({ id, name: translate(`${prefix}.${id}`) }));
  if (key === 'format') return make('enums.engagement_format', ENGAGEMENT_FORMATS);
  if (key === 'status' && kind === 'engagement') return make('enums.engagement_status', ENGAGEMENT_STATUSES);
  if (key === 'kind' && kind === 'agreement') return make('enums.agreement_kind', AGREEMENT_KINDS);
  if (key === 'toStage') return make('enums.stage', INITIATIVE_STAGES);
  if (key === 'precision') return make('rabta.intake.precision', ['day', 'month', 'year']);
  return null;
}

function Field({ name, kind }: { name: string; kind: Proposal['kind'] }) {
  const translate = useTranslate();
  const label = translate(`rabta.intake.field.${name}`);
  if (REF_ARRAYS[name])
    return (
      <ReferenceArrayInput source={name} reference={REF_ARRAYS[name]}>
        <AutocompleteArrayInput label={label} />
      </ReferenceArrayInput>
    );
  // Pickers for writing: an analyst is offered the initiatives and milestones of their sectors only.
  if (name === 'initiativeId') return <InitiativeInput source={name} label={label} writable />;
  if (name === 'milestoneId') return <MilestoneInput source={name} label={label} writable />;
  if (REFS[name])
    return (
      <ReferenceInput source={name} reference={REFS[name]}>
        <AutocompleteInput label={label} />
      </ReferenceInput>
    );
  if (name === 'newParticipants' || name === 'newSignatories')
    return (
      <ArrayInput source={name} label={label}>
        <SimpleFormIterator inline disableReordering>
          <TextInput source="nameUr" label={translate('rabta.intake.field.nameUr')} dir="rtl" />
          <TextInput source="nameEn" label={translate('rabta.intake.field.nameEn')} />
          <TextInput source="titleEn" label={translate('rabta.intake.field.titleEn')} />
          <TextInput source="titleUr" label={translate('rabta.intake.field.titleUr')} dir="rtl" />
        </SimpleFormIterator>
      </ArrayInput>
    );
  const choices = choicesOf(name, kind, translate);
  if (choices) return <SelectInput source={name} label={label} choices={choices} />;
  if (DATES.has(name)) return <DateInput source={name} label={label} />;
  if (name === 'sessionNumber') return <NumberInput source={name} label={label} />;
  return (
    <TextInput
      source={name}
      label={label}
      multiline={LONG.has(name)}
      fullWidth
      slotProps={{ htmlInput: { dir: URDU.has(name) ? 'rtl' : 'auto' } }}
    />
  );
}

export function EditProposalDialog({
  proposal,
  onClose,
  onAccept,
}: {
  proposal: Proposal | null;
  onClose: () => void;
  /** Accepts with these fields; throws the API's error for the form to show. */
  onAccept: (proposal: Proposal, data: Record<string, unknown>) => Promise<void>;
}) {
  const translate = useTranslate();
  if (!proposal) return null;
  const fields = FIELDS[proposal.kind];
  const record = { id: proposal.id, ...proposal.data };
  const submit = async (values: Record<string, unknown>) => {
    const data = Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
    try {
      await onAccept(proposal, data);
    } catch (e) {
      // Field errors of `data.x` go beside the input `x`.
      const errors = (e as { body?: { apiErrors?: Record<string, string> } }).body?.apiErrors ?? {};
      const mapped = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^data\./, ''), v]));
      if (Object.keys(mapped).length) return mapped;
      throw e;
    }
    return undefined;
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="proposal-edit-dialog">
      <Form record={record} onSubmit={submit}>
        <DialogTitle>{translate('rabta.intake.edit_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={0.5} sx={{ pt: 1 }}>
            {fields.map((f) => (
              <Field key={f} name={f} kind={proposal.kind} />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="rabta.intake.accept" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
