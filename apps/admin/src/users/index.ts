import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Users and their roles (admins). */
export const users = defineResource({
  name: 'users',
  icon: ManageAccountsIcon,
  pages: {
    list: () => import('./UserList'),
    edit: () => import('./UserEdit'),
    create: () => import('./UserCreate'),
  },
  menu: 'administration',
  recordRepresentation: representation.user,
  access: 'admin',
});
