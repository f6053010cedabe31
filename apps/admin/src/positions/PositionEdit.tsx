import { RabtaEdit } from '../common/RabtaEdit';
import { PositionForm, toPerson } from './PositionForm';

export default function PositionEdit() {
  return (
    <RabtaEdit redirect={toPerson}>
      <PositionForm />
    </RabtaEdit>
  );
}
