import GavelIcon from '@mui/icons-material/Gavel';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Decisions taken at engagements, followed to the next session. */
export const decisions = defineResource({
  name: 'decisions',
  icon: GavelIcon,
  pages: {
    list: () => import('./DecisionList'),
    edit: () => import('./DecisionEdit'),
    create: () => import('./DecisionCreate'),
  },
  menu: 'portfolio',
  recordRepresentation: representation.decision,
  access: 'initiative-child',
});
