import { RabtaEdit } from '../common/RabtaEdit';
import { MilestoneForm, transformMilestone } from './MilestoneForm';

export default function MilestoneEdit() {
  return (
    <RabtaEdit transform={(data, options) => transformMilestone(data, options?.previousData)}>
      <MilestoneForm mode="edit" />
    </RabtaEdit>
  );
}
