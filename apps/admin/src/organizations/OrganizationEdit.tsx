import { RabtaEdit } from '../common/RabtaEdit';
import { OrganizationForm } from './OrganizationForm';

export default function OrganizationEdit() {
  return (
    <RabtaEdit>
      <OrganizationForm />
    </RabtaEdit>
  );
}
