import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** A person's positions, reached from the person page. */
export const positions = defineResource({
  name: 'positions',
  pages: {
    edit: () => import('./PositionEdit'),
    create: () => import('./PositionCreate'),
  },
  recordRepresentation: representation.title,
  access: 'reference',
});
