import { SimpleForm, TextInput, required } from 'react-admin';
import { InitiativeInput, MilestoneInput, SourceInput, EngagementInput } from '../common/inputs';

export function EvidenceForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <SourceInput source="sourceId" validate={required()} />
      {mode === 'create' && (
        <>
          <InitiativeInput source="initiativeId" />
          <MilestoneInput source="milestoneId" />
          <EngagementInput source="engagementId" />
        </>
      )}
      <TextInput source="quote" multiline minRows={3} slotProps={{ htmlInput: { dir: 'auto' } }} />
    </SimpleForm>
  );
}

export const toSource = (_r?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.sourceId ? `sources/${data.sourceId}/show` : 'sources';
