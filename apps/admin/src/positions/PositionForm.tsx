import { Stack } from '@mui/material';
import { SimpleForm, required } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { OrganizationInput, PersonInput } from '../common/inputs';

export function PositionForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <PersonInput source="personId" validate={required()} />
      <OrganizationInput source="organizationId" />
      <BilingualInput source="title" required />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <DateInput source="fromDate" />
        <DateInput source="toDate" />
      </Stack>
    </SimpleForm>
  );
}

export const toPerson = (_r?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.personId ? `people/${data.personId}/show` : 'people';
