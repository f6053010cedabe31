import HistoryIcon from '@mui/icons-material/History';
import { defineResource } from '../common/define';

/** The audit log (admins, read only). */
export const auditEvents = defineResource({
  name: 'audit-events',
  icon: HistoryIcon,
  pages: {
    list: () => import('./AuditEventList'),
    show: () => import('./AuditEventShow'),
  },
  menu: 'administration',
  access: 'admin-read',
});
