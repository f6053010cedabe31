import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Evidence: a source cited for a record, with its quoted passage. */
export const evidence = defineResource({
  name: 'evidence',
  pages: {
    edit: () => import('./EvidenceEdit'),
    create: () => import('./EvidenceCreate'),
  },
  recordRepresentation: representation.evidence,
  access: 'initiative-child',
});
