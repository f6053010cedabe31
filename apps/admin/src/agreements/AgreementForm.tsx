import { Stack } from '@mui/material';
import { SelectInput, SimpleForm, required } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { CountriesInput, InitiativesInput, OrganizationsInput, PeopleInput } from '../common/inputs';

export function AgreementForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="kind" choices={choices.agreementKind} validate={required()} />
        <SelectInput
          validate={required()}
          source="status"
          choices={choices.agreementStatus}
          defaultValue="under_negotiation"
        />
        <DateInput source="signedDate" />
      </Stack>
      <BilingualInput source="title" required />
      <BilingualInput source="signedPlace" />
      <BilingualInput source="summary" multiline minRows={3} />
      <CountriesInput source="partyCountryCodes" />
      <OrganizationsInput source="partyOrganizationIds" creatable />
      <PeopleInput source="signatoryIds" creatable />
      <InitiativesInput source="initiativeIds" writable />
    </SimpleForm>
  );
}
