import { RabtaEdit } from '../common/RabtaEdit';
import { EvidenceForm, toSource } from './EvidenceForm';

// Only the quote can change: the links of a piece of evidence are its identity (see EVIDENCE_READ_ONLY).
export default function EvidenceEdit() {
  return (
    <RabtaEdit redirect={toSource}>
      <EvidenceForm mode="edit" />
    </RabtaEdit>
  );
}
