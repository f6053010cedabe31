import { RabtaEdit } from '../common/RabtaEdit';
import { DecisionForm } from './DecisionForm';

export default function DecisionEdit() {
  return (
    <RabtaEdit
      redirect={(_r, _id, data) => (data?.engagementId ? `engagements/${data.engagementId}/show` : 'decisions')}
    >
      <DecisionForm />
    </RabtaEdit>
  );
}
