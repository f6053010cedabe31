import { Box } from '@mui/material';
import { RabtaEdit } from '../common/RabtaEdit';
import { UserForm } from './UserForm';
import { UserLockCard } from './UserLockCard';
import { UserSecurityCard } from './UserSecurityCard';
import { UserTokensCard } from './UserTokensCard';

/** Beside the form: a sign-in lock (if any), the account's password and sessions, and its API tokens. */
function UserAside() {
  return (
    <Box sx={{ ml: { md: 2 }, mt: { xs: 2, md: 0 }, width: { md: 340 }, flexShrink: 0, alignSelf: 'flex-start' }}>
      <UserLockCard />
      <UserSecurityCard />
      <UserTokensCard />
    </Box>
  );
}

export default function UserEdit() {
  return (
    <RabtaEdit redirect="list" aside={<UserAside />}>
      <UserForm mode="edit" />
    </RabtaEdit>
  );
}
