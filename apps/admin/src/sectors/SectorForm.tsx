import { SimpleForm, TextInput, required } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';

export function SectorForm() {
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <TextInput source="code" validate={required()} sx={{ maxWidth: 300 }} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      <BilingualInput source="name" required validate={required()} />
    </SimpleForm>
  );
}
