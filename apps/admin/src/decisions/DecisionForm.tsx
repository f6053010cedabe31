import { Stack } from '@mui/material';
import { FormDataConsumer, SelectInput, SimpleForm, required } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualInput } from '../common/Bilingual';
import { choices } from '../common/choices';
import { EngagementInput, InitiativeInput, MilestoneInput } from '../common/inputs';

export function DecisionForm() {
  return (
    <SimpleForm sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <EngagementInput source="engagementId" validate={required()} />
      <BilingualInput source="text" required multiline minRows={2} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput validate={required()} source="state" choices={choices.decisionState} defaultValue="open" />
        <DateInput source="dueDate" />
      </Stack>
      <InitiativeInput source="initiativeId" writable />
      <FormDataConsumer>
        {({ formData }) => (
          <MilestoneInput
            source="milestoneId"
            writable
            filter={formData.initiativeId ? { initiativeId: formData.initiativeId } : undefined}
          />
        )}
      </FormDataConsumer>
      <EngagementInput source="reviewedAtId" />
      <BilingualInput source="reviewNote" multiline />
    </SimpleForm>
  );
}
