import { defineResource } from '../common/define';

/** Saved views of the lists (common/SavedViews.tsx): everyone's own, shareable by link. */
export const savedViews = defineResource({
  name: 'saved-views',
  pages: {},
  recordRepresentation: 'name',
  access: 'own',
});
