import PublicIcon from '@mui/icons-material/Public';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Countries (reference data, admins). */
export const countries = defineResource({
  name: 'countries',
  icon: PublicIcon,
  pages: {
    list: () => import('./CountryList'),
    edit: () => import('./CountryEdit'),
    create: () => import('./CountryCreate'),
  },
  menu: 'administration',
  recordRepresentation: representation.country,
  access: 'admin',
});
