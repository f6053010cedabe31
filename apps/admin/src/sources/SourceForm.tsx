import { Stack } from '@mui/material';
import { FormDataConsumer, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { SOURCE_TEXT_MAX_CHARS } from '@rabta/domain/values';
import { DateInput } from '../common/LocalDateInput';
import { choices } from '../common/choices';
import { CountedTextInput } from '../common/CountedTextField';
import { urduTextSx } from '../theme/theme';

export function SourceForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="kind" choices={choices.sourceKind} validate={required()} defaultValue="news" />
        <SelectInput source="language" choices={choices.language} validate={required()} defaultValue="en" />
        <DateInput source="publishedAt" validate={required()} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="publisher" validate={required()} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <TextInput source="url" type="url" slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Stack>
      <FormDataConsumer>
        {({ formData }) => {
          const ur = formData.language === 'ur';
          const html = ur ? { dir: 'rtl', lang: 'ur', style: urduTextSx } : { dir: 'auto' };
          return (
            <>
              <TextInput source="title" validate={required()} slotProps={{ htmlInput: html }} />
              <CountedTextInput
                source="text"
                maxChars={SOURCE_TEXT_MAX_CHARS}
                rows={12}
                slotProps={{ htmlInput: { ...html, 'data-testid': 'source-text-input' } }}
              />
            </>
          );
        }}
      </FormDataConsumer>
    </SimpleForm>
  );
}
