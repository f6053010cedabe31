// Every screen behind sign-in, loaded on demand (one chunk per route). App.tsx renders them through lazyPage; the
// prefetcher starts loading the current route's chunk while the session is being checked.

export type Loader = () => Promise<{ default: React.ComponentType<any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type View = 'list' | 'show' | 'edit' | 'create';

export const pages = {
  layout: (() => import('./layout/Layout')) as Loader,
  dashboard: (() => import('./dashboard/Dashboard')) as Loader,
  profile: (() => import('./account/ProfilePage')) as Loader,
  password: (() => import('./account/PasswordPage')) as Loader,
  tokens: (() => import('./account/TokensPage')) as Loader,
};

export const resourcePages: Record<string, Partial<Record<View, Loader>>> = {
  initiatives: {
    list: () => import('./initiatives/InitiativeList'),
    show: () => import('./initiatives/InitiativeShow'),
    edit: () => import('./initiatives/InitiativeEdit'),
    create: () => import('./initiatives/InitiativeCreate'),
  },
  milestones: {
    list: () => import('./milestones/MilestoneList'),
    show: () => import('./milestones/MilestoneShow'),
    edit: () => import('./milestones/MilestoneEdit'),
    create: () => import('./milestones/MilestoneCreate'),
  },
  engagements: {
    list: () => import('./engagements/EngagementList'),
    show: () => import('./engagements/EngagementShow'),
    edit: () => import('./engagements/EngagementEdit'),
    create: () => import('./engagements/EngagementCreate'),
  },
  decisions: {
    list: () => import('./decisions/DecisionList'),
    edit: () => import('./decisions/DecisionEdit'),
    create: () => import('./decisions/DecisionCreate'),
  },
  agreements: {
    list: () => import('./agreements/AgreementList'),
    show: () => import('./agreements/AgreementShow'),
    edit: () => import('./agreements/AgreementEdit'),
    create: () => import('./agreements/AgreementCreate'),
  },
  people: {
    list: () => import('./people/PersonList'),
    show: () => import('./people/PersonShow'),
    edit: () => import('./people/PersonEdit'),
    create: () => import('./people/PersonCreate'),
  },
  positions: {
    edit: () => import('./positions/PositionEdit'),
    create: () => import('./positions/PositionCreate'),
  },
  organizations: {
    list: () => import('./organizations/OrganizationList'),
    show: () => import('./organizations/OrganizationShow'),
    edit: () => import('./organizations/OrganizationEdit'),
    create: () => import('./organizations/OrganizationCreate'),
  },
  sources: {
    list: () => import('./sources/SourceList'),
    show: () => import('./sources/SourceShow'),
    edit: () => import('./sources/SourceEdit'),
    create: () => import('./sources/SourceCreate'),
  },
  evidence: {
    edit: () => import('./evidence/EvidenceEdit'),
    create: () => import('./evidence/EvidenceCreate'),
  },
  'status-updates': {
    show: () => import('./status-updates/StatusUpdateShow'),
    edit: () => import('./status-updates/StatusUpdateEdit'),
  },
  countries: {
    list: () => import('./countries/CountryList'),
    edit: () => import('./countries/CountryEdit'),
    create: () => import('./countries/CountryCreate'),
  },
  sectors: {
    list: () => import('./sectors/SectorList'),
    edit: () => import('./sectors/SectorEdit'),
    create: () => import('./sectors/SectorCreate'),
  },
  users: {
    list: () => import('./users/UserList'),
    edit: () => import('./users/UserEdit'),
    create: () => import('./users/UserCreate'),
  },
  'audit-events': {
    list: () => import('./audit-events/AuditEventList'),
    show: () => import('./audit-events/AuditEventShow'),
  },
};

/** The loaders the route in `hash` (`#/initiatives/7/show/timeline`) will need. */
export function loadersFor(hash: string): Loader[] {
  const path = hash.replace(/^#/, '').split('?')[0];
  const [resource, second, third] = path.split('/').filter(Boolean);
  if (!resource) return [pages.layout, pages.dashboard];
  if (resource === 'profile') return [pages.layout, pages.profile];
  if (resource === 'password') return [pages.layout, pages.password];
  if (resource === 'tokens') return [pages.layout, pages.tokens];
  const views = resourcePages[resource];
  if (!views) return [pages.layout];
  const view: View = !second ? 'list' : second === 'create' ? 'create' : third === 'show' ? 'show' : 'edit';
  return [pages.layout, views[view]].filter((l): l is Loader => !!l);
}

/** Start downloading (and evaluating) the chunks of the current route; React.lazy then finds them ready. */
export function prefetchRoute(hash: string): void {
  for (const load of loadersFor(hash)) void load().catch(() => undefined);
}
