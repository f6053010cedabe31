import PostAddIcon from '@mui/icons-material/PostAdd';
import { defineResource } from '../common/define';

/** Intake: bring in an article (text, HTML or URL), review what Rabta proposes from it, and the past intakes. */
export const intake = defineResource({
  name: 'intake',
  icon: PostAddIcon,
  pages: { list: () => import('./IntakeList'), show: () => import('./IntakeShow') },
  menu: 'evidence',
  recordRepresentation: (r) => String(r.title ?? r.source?.title ?? `#${r.id}`),
  access: 'analysts',
});
