import BusinessIcon from '@mui/icons-material/Business';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Organisations: ministries, companies, banks. */
export const organizations = defineResource({
  name: 'organizations',
  icon: BusinessIcon,
  pages: {
    list: () => import('./OrganizationList'),
    show: () => import('./OrganizationShow'),
    edit: () => import('./OrganizationEdit'),
    create: () => import('./OrganizationCreate'),
  },
  menu: 'actors',
  recordRepresentation: representation.organization,
  access: 'reference',
});
