import { Create } from 'react-admin';
import { MilestoneForm, transformMilestone } from './MilestoneForm';

export default function MilestoneCreate() {
  return (
    <Create redirect="show" transform={(data) => transformMilestone(data)}>
      <MilestoneForm mode="create" />
    </Create>
  );
}
