import ArticleIcon from '@mui/icons-material/Article';
import { defineResource } from '../common/define';
import { representation } from '../common/representation';

/** Agreements and MoUs, linked to several initiatives. */
export const agreements = defineResource({
  name: 'agreements',
  icon: ArticleIcon,
  pages: {
    list: () => import('./AgreementList'),
    show: () => import('./AgreementShow'),
    edit: () => import('./AgreementEdit'),
    create: () => import('./AgreementCreate'),
  },
  menu: 'portfolio',
  recordRepresentation: representation.title,
  access: 'linked',
});
