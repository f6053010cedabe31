import FlagIcon from '@mui/icons-material/Flag';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Initiatives: analysts change those of their sectors. */
export const initiatives = defineResource({
  name: 'initiatives',
  icon: FlagIcon,
  pages: {
    list: () => import('./InitiativeList'),
    show: () => import('./InitiativeShow'),
    edit: () => import('./InitiativeEdit'),
    create: () => import('./InitiativeCreate'),
  },
  menu: 'portfolio',
  recordRepresentation: representation.initiatives,
  access: 'initiative',
});
