import { useEffect, useMemo, useState } from 'react';
import { CacheProvider } from '@emotion/react';
import { Admin, CustomRoutes, Resource, type I18nProvider } from 'react-admin';
import { Route } from 'react-router-dom';
import BusinessIcon from '@mui/icons-material/Business';
import CategoryIcon from '@mui/icons-material/Category';
import EventIcon from '@mui/icons-material/Event';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import HandshakeIcon from '@mui/icons-material/Handshake';
import HistoryIcon from '@mui/icons-material/History';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import PublicIcon from '@mui/icons-material/Public';
import ArticleIcon from '@mui/icons-material/Article';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyPage } from './common/lazyPage';
import { onLocaleChange, type AppLocale } from './i18n';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { getCurrentLocale } from './i18n';
import { ltrCache, rtlCache } from './theme/direction';
import { themeFor } from './theme/theme';
import { representation } from './common/representation';
import { pages, resourcePages } from './routes';

// Everything behind sign-in is loaded per route: the layout, the dashboard and every screen.
const Layout = lazyPage(pages.layout);
const Dashboard = lazyPage(pages.dashboard);
const ProfilePage = lazyPage(pages.profile);
const PasswordPage = lazyPage(pages.password);
const TokensPage = lazyPage(pages.tokens);

const initiatives = {
  list: lazyPage(resourcePages['initiatives'].list!),
  show: lazyPage(resourcePages['initiatives'].show!),
  edit: lazyPage(resourcePages['initiatives'].edit!),
  create: lazyPage(resourcePages['initiatives'].create!),
};
const milestones = {
  list: lazyPage(resourcePages['milestones'].list!),
  show: lazyPage(resourcePages['milestones'].show!),
  edit: lazyPage(resourcePages['milestones'].edit!),
  create: lazyPage(resourcePages['milestones'].create!),
};
const engagements = {
  list: lazyPage(resourcePages['engagements'].list!),
  show: lazyPage(resourcePages['engagements'].show!),
  edit: lazyPage(resourcePages['engagements'].edit!),
  create: lazyPage(resourcePages['engagements'].create!),
};
const decisions = {
  list: lazyPage(resourcePages['decisions'].list!),
  edit: lazyPage(resourcePages['decisions'].edit!),
  create: lazyPage(resourcePages['decisions'].create!),
};
const agreements = {
  list: lazyPage(resourcePages['agreements'].list!),
  show: lazyPage(resourcePages['agreements'].show!),
  edit: lazyPage(resourcePages['agreements'].edit!),
  create: lazyPage(resourcePages['agreements'].create!),
};
const people = {
  list: lazyPage(resourcePages['people'].list!),
  show: lazyPage(resourcePages['people'].show!),
  edit: lazyPage(resourcePages['people'].edit!),
  create: lazyPage(resourcePages['people'].create!),
};
const positions = {
  edit: lazyPage(resourcePages['positions'].edit!),
  create: lazyPage(resourcePages['positions'].create!),
};
const organizations = {
  list: lazyPage(resourcePages['organizations'].list!),
  show: lazyPage(resourcePages['organizations'].show!),
  edit: lazyPage(resourcePages['organizations'].edit!),
  create: lazyPage(resourcePages['organizations'].create!),
};
const sources = {
  list: lazyPage(resourcePages['sources'].list!),
  show: lazyPage(resourcePages['sources'].show!),
  edit: lazyPage(resourcePages['sources'].edit!),
  create: lazyPage(resourcePages['sources'].create!),
};
const evidence = {
  edit: lazyPage(resourcePages['evidence'].edit!),
  create: lazyPage(resourcePages['evidence'].create!),
};
const statusUpdates = {
  show: lazyPage(resourcePages['status-updates'].show!),
  edit: lazyPage(resourcePages['status-updates'].edit!),
};
const countries = {
  list: lazyPage(resourcePages['countries'].list!),
  edit: lazyPage(resourcePages['countries'].edit!),
  create: lazyPage(resourcePages['countries'].create!),
};
const sectors = {
  list: lazyPage(resourcePages['sectors'].list!),
  edit: lazyPage(resourcePages['sectors'].edit!),
  create: lazyPage(resourcePages['sectors'].create!),
};
const users = {
  list: lazyPage(resourcePages['users'].list!),
  edit: lazyPage(resourcePages['users'].edit!),
  create: lazyPage(resourcePages['users'].create!),
};
const auditEvents = {
  list: lazyPage(resourcePages['audit-events'].list!),
  show: lazyPage(resourcePages['audit-events'].show!),
};

// Status reports (issue 6): one page, /reports, with the report form, the reports made and the schedules.
const ReportsPage = lazyPage(() => import('./reports/ReportsPage'));

export function App({ i18nProvider }: { i18nProvider: I18nProvider }) {
  const [locale, setLocale] = useState<AppLocale>(getCurrentLocale());
  useEffect(() => onLocaleChange(setLocale), []);
  const theme = useMemo(() => themeFor(locale), [locale]);

  return (
    <CacheProvider value={locale === 'ur' ? rtlCache : ltrCache}>
      <Admin
        title="Rabta"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={Layout}
        dashboard={Dashboard}
        theme={theme}
        requireAuth
        disableTelemetry
      >
        <Resource
          name="initiatives"
          icon={FlagIcon}
          recordRepresentation={representation.initiatives}
          {...initiatives}
        />
        <Resource name="milestones" icon={TaskAltIcon} recordRepresentation={representation.title} {...milestones} />
        <Resource
          name="engagements"
          icon={HandshakeIcon}
          recordRepresentation={representation.title}
          {...engagements}
        />
        <Resource name="decisions" icon={GavelIcon} recordRepresentation={representation.decision} {...decisions} />
        <Resource name="agreements" icon={ArticleIcon} recordRepresentation={representation.title} {...agreements} />
        <Resource name="people" icon={PeopleIcon} recordRepresentation={representation.name} {...people} />
        <Resource name="positions" recordRepresentation={representation.title} {...positions} />
        <Resource
          name="organizations"
          icon={BusinessIcon}
          recordRepresentation={representation.organization}
          {...organizations}
        />
        <Resource name="sources" icon={EventIcon} recordRepresentation={representation.source} {...sources} />
        <Resource name="evidence" recordRepresentation={representation.evidence} {...evidence} />
        <Resource name="status-updates" recordRepresentation={representation.statusUpdate} {...statusUpdates} />
        <Resource name="saved-views" recordRepresentation="name" />
        <Resource name="countries" icon={PublicIcon} recordRepresentation={representation.country} {...countries} />
        <Resource name="sectors" icon={CategoryIcon} recordRepresentation={representation.name} {...sectors} />
        <Resource name="users" icon={ManageAccountsIcon} recordRepresentation={representation.user} {...users} />
        <Resource name="audit-events" icon={HistoryIcon} {...auditEvents} />
        <Resource name="reports" icon={AssessmentIcon} list={ReportsPage} />
        <Resource name="report-schedules" />
        <CustomRoutes>
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/password" element={<PasswordPage />} />
          <Route path="/tokens" element={<TokensPage />} />
        </CustomRoutes>
      </Admin>
    </CacheProvider>
  );
}

// Icons referenced by the menu (one place, so both stay in step).
