import { Create } from 'react-admin';
import { OrganizationForm } from './OrganizationForm';

export default function OrganizationCreate() {
  return (
    <Create redirect="show">
      <OrganizationForm />
    </Create>
  );
}
