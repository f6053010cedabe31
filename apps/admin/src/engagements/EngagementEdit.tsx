import { RabtaEdit } from '../common/RabtaEdit';
import { EngagementForm } from './EngagementForm';

export default function EngagementEdit() {
  return (
    <RabtaEdit>
      <EngagementForm />
    </RabtaEdit>
  );
}
