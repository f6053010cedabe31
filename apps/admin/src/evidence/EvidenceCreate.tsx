import { Create } from 'react-admin';
import { EvidenceForm, toSource } from './EvidenceForm';

export default function EvidenceCreate() {
  return (
    <Create redirect={toSource}>
      <EvidenceForm mode="create" />
    </Create>
  );
}
