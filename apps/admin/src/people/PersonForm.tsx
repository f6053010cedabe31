import { SimpleForm, TextArrayInput, TextInput } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';
import { CountryInput } from '../common/inputs';

export function PersonForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <BilingualInput source="name" required />
      <TextInput source="nameRu" lang="ru" />
      <TextArrayInput source="aliases" helperText={false} />
      <CountryInput source="countryCode" />
    </SimpleForm>
  );
}
