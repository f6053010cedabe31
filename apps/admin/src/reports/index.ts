import AssessmentIcon from '@mui/icons-material/Assessment';
import { defineResource } from '../common/define';

/** Status reports: one page with the report form, the reports made and the schedules. */
export const reports = defineResource({
  name: 'reports',
  icon: AssessmentIcon,
  pages: { list: () => import('./ReportsPage') },
  menu: 'evidence',
  access: 'portfolio',
});

/** Report schedules, managed on the reports page (SchedulesCard). */
export const reportSchedules = defineResource({
  name: 'report-schedules',
  pages: {},
  access: 'portfolio',
});
