import { RabtaEdit } from '../common/RabtaEdit';
import { UserForm } from './UserForm';

export default function UserEdit() {
  return (
    <RabtaEdit redirect="list">
      <UserForm mode="edit" />
    </RabtaEdit>
  );
}
