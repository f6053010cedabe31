import { Create } from 'react-admin';
import { PositionForm, toPerson } from './PositionForm';

export default function PositionCreate() {
  return (
    <Create redirect={toPerson}>
      <PositionForm />
    </Create>
  );
}
