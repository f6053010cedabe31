import { RabtaEdit } from '../common/RabtaEdit';
import { UserForm } from './UserForm';
import { UserSecurityCard } from './UserSecurityCard';

export default function UserEdit() {
  return (
    <RabtaEdit redirect="list" aside={<UserSecurityCard />}>
      <UserForm mode="edit" />
    </RabtaEdit>
  );
}
