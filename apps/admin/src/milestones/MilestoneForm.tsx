import { Alert, Box, Stack } from '@mui/material';
import {
  FormDataConsumer,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { todayIso } from '../common/dates';
import { InitiativeInput, OrganizationInput, PersonInput, SourceInput } from '../common/inputs';

/** Changing the planned date records who announced the new one (the ledger); asked only when it changes. */
function Announcement() {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <FormDataConsumer>
      {({ formData }) =>
        record && (formData.plannedDate ?? null) !== (record.plannedDate ?? null) ? (
          <Box
            sx={{ width: '100%', p: 2, mb: 2, border: 1, borderColor: 'warning.light', borderRadius: 1 }}
            data-testid="announcement"
          >
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('rabta.milestone.announcement_help')}
            </Alert>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <PersonInput source="announcement.announcedById" creatable />
              <DateInput source="announcement.announcedOn" defaultValue={todayIso()} />
              <SourceInput source="announcement.sourceId" />
            </Stack>
            <TextInput source="announcement.note" multiline />
          </Box>
        ) : null
      }
    </FormDataConsumer>
  );
}

export function MilestoneForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <InitiativeInput source="initiativeId" validate={required()} disabled={mode === 'edit'} writable />
      <BilingualInput source="title" required />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput validate={required()} source="kind" choices={choices.milestoneKind} defaultValue="other" />
        <SelectInput validate={required()} source="state" choices={choices.milestoneState} defaultValue="planned" />
        <DateInput source="plannedDate" />
        <DateInput source="actualDate" />
      </Stack>
      {mode === 'edit' && <Announcement />}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <OrganizationInput source="ownerOrganizationId" creatable />
        <PersonInput source="ownerPersonId" creatable />
      </Stack>
    </SimpleForm>
  );
}

/** Send `announcement` only with a changed planned date, without empty members. */
export function transformMilestone(
  data: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...data };
  const a = out.announcement as Record<string, unknown> | undefined;
  const changed = previous ? (out.plannedDate ?? null) !== (previous.plannedDate ?? null) : false;
  if (!a || !changed) delete out.announcement;
  else out.announcement = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '' && v != null));
  return out;
}
