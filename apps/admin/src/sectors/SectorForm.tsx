import { SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';

export function SectorForm() {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <TextInput source="code" validate={required()} sx={{ maxWidth: 300 }} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      <BilingualInput source="name" required validate={required()} />
      <TextInput
        source="dacCode"
        helperText={translate('rabta.sector.dac_help')}
        sx={{ maxWidth: 300 }}
        slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'numeric', maxLength: 5 } }}
      />
    </SimpleForm>
  );
}
