import { SimpleForm, TextInput, required } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';

export function CountryForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <TextInput
        source="code"
        validate={required()}
        disabled={mode === 'edit'}
        sx={{ maxWidth: 160 }}
        slotProps={{ htmlInput: { maxLength: 2, dir: 'ltr' } }}
      />
      <BilingualInput source="name" required validate={required()} />
      <TextInput source="nameRu" lang="ru" />
    </SimpleForm>
  );
}
