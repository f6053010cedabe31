import { Create } from 'react-admin';
import { AgreementForm } from './AgreementForm';

export default function AgreementCreate() {
  return (
    <Create redirect="show">
      <AgreementForm />
    </Create>
  );
}
