import KeyIcon from '@mui/icons-material/Key';
import LockResetIcon from '@mui/icons-material/LockReset';
import PersonIcon from '@mui/icons-material/Person';
import { definePage } from '../common/define';

// One's own account, in the app bar's user menu: every role.

export const profile = definePage({
  name: 'profile',
  page: () => import('./ProfilePage'),
  label: 'rabta.menu.profile',
  icon: PersonIcon,
  menu: 'user',
  access: 'everyone',
});

export const password = definePage({
  name: 'password',
  page: () => import('./PasswordPage'),
  label: 'rabta.menu.password',
  icon: LockResetIcon,
  menu: 'user',
  access: 'everyone',
});

/** Personal API tokens for scripts. */
export const tokens = definePage({
  name: 'tokens',
  page: () => import('./TokensPage'),
  label: 'rabta.menu.tokens',
  icon: KeyIcon,
  menu: 'user',
  access: 'everyone',
});
