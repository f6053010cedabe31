import { RabtaEdit } from '../common/RabtaEdit';
import { InitiativeForm, transformInitiative } from './InitiativeForm';

export default function InitiativeEdit() {
  return (
    <RabtaEdit transform={transformInitiative}>
      <InitiativeForm mode="edit" />
    </RabtaEdit>
  );
}
