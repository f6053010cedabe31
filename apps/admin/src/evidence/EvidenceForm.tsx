import { SimpleForm, required } from 'react-admin';
import { QUOTE_MAX_CHARS } from '@rabta/domain/values';
import { CountedTextInput } from '../common/CountedTextField';
import { AgreementInput, EngagementInput, InitiativeInput, MilestoneInput, SourceInput } from '../common/inputs';

export function EvidenceForm({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <SimpleForm sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <SourceInput source="sourceId" validate={required()} />
      {mode === 'create' && (
        <>
          <InitiativeInput source="initiativeId" writable />
          <MilestoneInput source="milestoneId" writable />
          <EngagementInput source="engagementId" />
          <AgreementInput source="agreementId" />
        </>
      )}
      <CountedTextInput source="quote" maxChars={QUOTE_MAX_CHARS} rows={4} slotProps={{ htmlInput: { dir: 'auto' } }} />
    </SimpleForm>
  );
}

export const toSource = (_r?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.sourceId ? `sources/${data.sourceId}/show` : 'sources';
