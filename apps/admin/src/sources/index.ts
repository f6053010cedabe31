import EventIcon from '@mui/icons-material/Event';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Sources: articles and official statements that evidence the record. */
export const sources = defineResource({
  name: 'sources',
  icon: EventIcon,
  pages: {
    list: () => import('./SourceList'),
    show: () => import('./SourceShow'),
    edit: () => import('./SourceEdit'),
    create: () => import('./SourceCreate'),
  },
  menu: 'evidence',
  recordRepresentation: representation.source,
  access: 'portfolio',
});
