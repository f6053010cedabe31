import { RabtaEdit } from '../common/RabtaEdit';
import { PersonForm } from './PersonForm';

export default function PersonEdit() {
  return (
    <RabtaEdit>
      <PersonForm />
    </RabtaEdit>
  );
}
