import { Create } from 'react-admin';
import { EngagementForm } from './EngagementForm';

export default function EngagementCreate() {
  return (
    <Create redirect="show">
      <EngagementForm />
    </Create>
  );
}
