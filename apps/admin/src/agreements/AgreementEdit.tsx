import { RabtaEdit } from '../common/RabtaEdit';
import { AgreementForm } from './AgreementForm';

export default function AgreementEdit() {
  return (
    <RabtaEdit>
      <AgreementForm />
    </RabtaEdit>
  );
}
