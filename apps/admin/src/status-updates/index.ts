import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Status updates (made from the initiative page's dialog). */
export const statusUpdates = defineResource({
  name: 'status-updates',
  pages: {
    show: () => import('./StatusUpdateShow'),
    edit: () => import('./StatusUpdateEdit'),
  },
  recordRepresentation: representation.statusUpdate,
  access: 'initiative-child',
});
