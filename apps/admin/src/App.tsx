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

// Everything behind sign-in is loaded per route: the layout, the dashboard and every screen.
const Layout = lazyPage(() => import('./layout/Layout'));
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'));
const ProfilePage = lazyPage(() => import('./account/ProfilePage'));
const PasswordPage = lazyPage(() => import('./account/PasswordPage'));

const initiatives = {
  list: lazyPage(() => import('./initiatives/InitiativeList')),
  show: lazyPage(() => import('./initiatives/InitiativeShow')),
  edit: lazyPage(() => import('./initiatives/InitiativeEdit')),
  create: lazyPage(() => import('./initiatives/InitiativeCreate')),
};
const milestones = {
  list: lazyPage(() => import('./milestones/MilestoneList')),
  show: lazyPage(() => import('./milestones/MilestoneShow')),
  edit: lazyPage(() => import('./milestones/MilestoneEdit')),
  create: lazyPage(() => import('./milestones/MilestoneCreate')),
};
const engagements = {
  list: lazyPage(() => import('./engagements/EngagementList')),
  show: lazyPage(() => import('./engagements/EngagementShow')),
  edit: lazyPage(() => import('./engagements/EngagementEdit')),
  create: lazyPage(() => import('./engagements/EngagementCreate')),
};
const decisions = {
  list: lazyPage(() => import('./decisions/DecisionList')),
  edit: lazyPage(() => import('./decisions/DecisionEdit')),
  create: lazyPage(() => import('./decisions/DecisionCreate')),
};
const agreements = {
  list: lazyPage(() => import('./agreements/AgreementList')),
  show: lazyPage(() => import('./agreements/AgreementShow')),
  edit: lazyPage(() => import('./agreements/AgreementEdit')),
  create: lazyPage(() => import('./agreements/AgreementCreate')),
};
const people = {
  list: lazyPage(() => import('./people/PersonList')),
  show: lazyPage(() => import('./people/PersonShow')),
  edit: lazyPage(() => import('./people/PersonEdit')),
  create: lazyPage(() => import('./people/PersonCreate')),
};
const positions = {
  edit: lazyPage(() => import('./positions/PositionEdit')),
  create: lazyPage(() => import('./positions/PositionCreate')),
};
const organizations = {
  list: lazyPage(() => import('./organizations/OrganizationList')),
  show: lazyPage(() => import('./organizations/OrganizationShow')),
  edit: lazyPage(() => import('./organizations/OrganizationEdit')),
  create: lazyPage(() => import('./organizations/OrganizationCreate')),
};
const sources = {
  list: lazyPage(() => import('./sources/SourceList')),
  show: lazyPage(() => import('./sources/SourceShow')),
  edit: lazyPage(() => import('./sources/SourceEdit')),
  create: lazyPage(() => import('./sources/SourceCreate')),
};
const evidence = {
  edit: lazyPage(() => import('./evidence/EvidenceEdit')),
  create: lazyPage(() => import('./evidence/EvidenceCreate')),
};
const statusUpdates = {
  show: lazyPage(() => import('./status-updates/StatusUpdateShow')),
  edit: lazyPage(() => import('./status-updates/StatusUpdateEdit')),
};
const countries = {
  list: lazyPage(() => import('./countries/CountryList')),
  edit: lazyPage(() => import('./countries/CountryEdit')),
  create: lazyPage(() => import('./countries/CountryCreate')),
};
const sectors = {
  list: lazyPage(() => import('./sectors/SectorList')),
  edit: lazyPage(() => import('./sectors/SectorEdit')),
  create: lazyPage(() => import('./sectors/SectorCreate')),
};
const users = {
  list: lazyPage(() => import('./users/UserList')),
  edit: lazyPage(() => import('./users/UserEdit')),
  create: lazyPage(() => import('./users/UserCreate')),
};
const auditEvents = {
  list: lazyPage(() => import('./audit-events/AuditEventList')),
  show: lazyPage(() => import('./audit-events/AuditEventShow')),
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
        <Resource name="initiatives" icon={FlagIcon} recordRepresentation={representation.initiatives} {...initiatives} />
        <Resource name="milestones" icon={TaskAltIcon} recordRepresentation={representation.title} {...milestones} />
        <Resource name="engagements" icon={HandshakeIcon} recordRepresentation={representation.title} {...engagements} />
        <Resource name="decisions" icon={GavelIcon} recordRepresentation={representation.decision} {...decisions} />
        <Resource name="agreements" icon={ArticleIcon} recordRepresentation={representation.title} {...agreements} />
        <Resource name="people" icon={PeopleIcon} recordRepresentation={representation.name} {...people} />
        <Resource name="positions" recordRepresentation={representation.title} {...positions} />
        <Resource name="organizations" icon={BusinessIcon} recordRepresentation={representation.organization} {...organizations} />
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
        </CustomRoutes>
      </Admin>
    </CacheProvider>
  );
}

// Icons referenced by the menu (one place, so both stay in step).
