import { Create } from 'react-admin';
import { DecisionForm } from './DecisionForm';

export default function DecisionCreate() {
  return (
    <Create redirect={(_r, _id, data) => (data?.engagementId ? `engagements/${data.engagementId}/show` : 'decisions')}>
      <DecisionForm />
    </Create>
  );
}
