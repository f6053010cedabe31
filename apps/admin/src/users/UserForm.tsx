import { Stack } from '@mui/material';
import {
  BooleanInput,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { choices } from '../common/choices';
import { SectorsInput } from '../common/inputs';

export function UserForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="name" validate={required()} />
        <TextInput
          source="email"
          type="email"
          validate={[required(), email()]}
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="role" choices={choices.role} validate={required()} defaultValue="viewer" />
        <SelectInput validate={required()} source="locale" choices={choices.locale} defaultValue="en" />
      </Stack>
      <SectorsInput source="sectorIds" helperText="rabta.users.all_sectors" />
      {mode === 'create' ? (
        <PasswordInput source="password" validate={[required(), minLength(12)]} autoComplete="new-password" />
      ) : (
        <BooleanInput source="disabled" />
      )}
    </SimpleForm>
  );
}
