import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Milestones of an initiative (its sectors decide who changes them). */
export const milestones = defineResource({
  name: 'milestones',
  icon: TaskAltIcon,
  pages: {
    list: () => import('./MilestoneList'),
    show: () => import('./MilestoneShow'),
    edit: () => import('./MilestoneEdit'),
    create: () => import('./MilestoneCreate'),
  },
  menu: 'portfolio',
  recordRepresentation: representation.title,
  access: 'initiative-child',
});
