import PeopleIcon from '@mui/icons-material/People';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** People (their positions are edited from the person page). */
export const people = defineResource({
  name: 'people',
  icon: PeopleIcon,
  pages: {
    list: () => import('./PersonList'),
    show: () => import('./PersonShow'),
    edit: () => import('./PersonEdit'),
    create: () => import('./PersonCreate'),
  },
  menu: 'actors',
  recordRepresentation: representation.name,
  access: 'reference',
});
