import HandshakeIcon from '@mui/icons-material/Handshake';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Engagements (meetings, visits, sessions), linked to several initiatives. */
export const engagements = defineResource({
  name: 'engagements',
  icon: HandshakeIcon,
  pages: {
    list: () => import('./EngagementList'),
    show: () => import('./EngagementShow'),
    edit: () => import('./EngagementEdit'),
    create: () => import('./EngagementCreate'),
  },
  menu: 'portfolio',
  recordRepresentation: representation.title,
  access: 'linked',
});
