import UploadFileIcon from '@mui/icons-material/UploadFile';
import { definePage } from '../common/define';

/** Spreadsheet import: upload, map the columns, preview every row and problem, then commit all or nothing. */
export const importPage = definePage({
  name: 'import',
  page: () => import('./ImportPage'),
  label: 'rabta.menu.import',
  icon: UploadFileIcon,
  menu: 'portfolio',
  access: 'importer',
});
