import { Stack } from '@mui/material';
import { SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { CountryInput, OrganizationInput } from '../common/inputs';

export function OrganizationForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <BilingualInput source="name" required />
      <TextInput source="nameRu" lang="ru" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="acronym" />
        <SelectInput source="kind" choices={choices.organizationKind} validate={required()} />
        <CountryInput source="countryCode" />
      </Stack>
      <OrganizationInput source="parentId" />
    </SimpleForm>
  );
}
