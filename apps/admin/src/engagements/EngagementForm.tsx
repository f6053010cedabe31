import { Stack } from '@mui/material';
import {
  NumberInput,
  ReferenceInput,
  AutocompleteInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { CountryInput, ExceptThisRecord, InitiativesInput, meetingText, PeopleInput } from '../common/inputs';

export function EngagementForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <BilingualInput source="title" required />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="format" choices={choices.engagementFormat} validate={required()} />
        <SelectInput validate={required()} source="status" choices={choices.engagementStatus} defaultValue="planned" />
        <DateInput source="startDate" validate={required()} />
        <DateInput source="endDate" />
      </Stack>
      <BilingualInput source="place" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <CountryInput source="countryCode" />
        <TextInput source="forumName" />
        <NumberInput source="sessionNumber" min={1} />
        <ReferenceInput source="previousId" reference="engagements" sort={{ field: 'startDate', order: 'DESC' }}>
          <ExceptThisRecord>
            <AutocompleteInput optionText={meetingText} filterToQuery={(q) => (q ? { q } : {})} />
          </ExceptThisRecord>
        </ReferenceInput>
      </Stack>
      <PeopleInput source="participantIds" creatable />
      <InitiativesInput source="initiativeIds" writable />
      <BilingualInput source="outcome" multiline minRows={3} />
    </SimpleForm>
  );
}
