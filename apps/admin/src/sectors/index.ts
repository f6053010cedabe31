import CategoryIcon from '@mui/icons-material/Category';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Sectors (reference data, admins); they scope analysts' changes. */
export const sectors = defineResource({
  name: 'sectors',
  icon: CategoryIcon,
  pages: {
    list: () => import('./SectorList'),
    edit: () => import('./SectorEdit'),
    create: () => import('./SectorCreate'),
  },
  menu: 'administration',
  recordRepresentation: representation.name,
  access: 'admin',
});
