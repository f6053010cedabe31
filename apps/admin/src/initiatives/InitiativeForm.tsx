import { Alert, Box, Stack, Typography } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import {
  ArrayInput,
  DeleteButton,
  SaveButton,
  Toolbar,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { HealthChip, StageChip } from '../common/chips';
import { CountryInput, OrganizationsInput, PersonInput, SectorsInput } from '../common/inputs';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mt: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
}

function CurrentStatus() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Alert severity="info" icon={false} sx={{ width: '100%', mb: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <span>{translate('rabta.status.current')}:</span>
        <StageChip stage={record.stage} />
        <HealthChip health={record.health} />
        <span>— {translate('rabta.actions.update_status')}</span>
      </Stack>
    </Alert>
  );
}

/** Countries with their roles; the codes list is derived from it on save. */
function CountriesInput() {
  return (
    <ArrayInput source="countries" label="resources.initiatives.fields.countries" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <CountryInput source="code" label="resources.initiatives.fields.countryCode" validate={required()} />
        <SelectInput
          source="role"
          label="resources.initiatives.fields.role"
          choices={choices.countryRole}
          defaultValue="partner"
          validate={required()}
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

/** DELETE archives an initiative (it can be restored): the button says so. */
function EditToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton
        label="rabta.actions.archive"
        icon={<ArchiveIcon />}
        mutationMode="pessimistic"
        confirmTitle="rabta.actions.archive"
        confirmContent="ra.message.are_you_sure"
        redirect="list"
      />
    </Toolbar>
  );
}

export function InitiativeForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges toolbar={mode === 'edit' ? <EditToolbar /> : undefined}>
      {mode === 'edit' && <CurrentStatus />}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput
          source="code"
          validate={required()}
          sx={{ maxWidth: 260 }}
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
        <SelectInput
          validate={required()}
          source="priority"
          choices={choices.priority}
          defaultValue="medium"
          sx={{ maxWidth: 220 }}
        />
      </Stack>
      <BilingualInput source="title" required />
      <BilingualInput source="summary" multiline minRows={3} />
      {mode === 'create' && (
        <Section title="rabta.initiative.initial_status">
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <SelectInput validate={required()} source="stage" choices={choices.stage} defaultValue="announced" />
            <SelectInput validate={required()} source="health" choices={choices.health} defaultValue="not_assessed" />
            <DateInput source="effectiveAt" />
          </Stack>
        </Section>
      )}
      <Section title="rabta.initiative.scope">
        <SectorsInput source="sectorIds" validate={required()} scoped={mode === 'create'} />
        <CountriesInput />
        <OrganizationsInput source="leadOrganizationIds" creatable />
        <PersonInput source="focalPersonId" creatable />
      </Section>
      <Section title="rabta.initiative.tabs.overview">
        <BilingualInput source="location" />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
          <DateInput source="startDate" />
          <DateInput source="targetDate" />
          <NumberInput source="estimatedValue" min={0} />
          <TextInput source="currency" sx={{ maxWidth: 140 }} slotProps={{ htmlInput: { dir: 'ltr', maxLength: 3 } }} />
        </Stack>
        <TextArrayInput source="tags" />
      </Section>
    </SimpleForm>
  );
}

type Country = { code: string; role: string };

/** Keep `countryCodes` in step with `countries`, drop empty optional values. */
export function transformInitiative(data: Record<string, unknown>): Record<string, unknown> {
  const countries = ((data.countries as Country[] | undefined) ?? []).filter((c) => c && c.code);
  const out: Record<string, unknown> = { ...data, countries, countryCodes: countries.map((c) => c.code) };
  if (out.currency === '') out.currency = null;
  if (out.estimatedValue === '' || Number.isNaN(out.estimatedValue)) out.estimatedValue = null;
  return out;
}
