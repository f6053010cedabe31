import { profile, password, tokens } from './account';
import { agreements } from './agreements';
import { auditEvents } from './audit-events';
import { MENU_GROUPS, type MenuGroup, type PageConfig, type RegistryEntry, type ResourceConfig } from './common/define';
import { countries } from './countries';
import { decisions } from './decisions';
import { engagements } from './engagements';
import { evidence } from './evidence';
import { importPage } from './imports';
import { initiatives } from './initiatives';
import { intake } from './intake';
import { milestones } from './milestones';
import { organizations } from './organizations';
import { people } from './people';
import { positions } from './positions';
import { reports, reportSchedules } from './reports';
import { savedViews } from './saved-views';
import { sectors } from './sectors';
import { sources } from './sources';
import { statusUpdates } from './status-updates';
import { users } from './users';

/**
 * Every resource and page of the admin, in the order of the menus. App.tsx (resources and routes), the side menu
 * and the user menu (layout/Layout.tsx), the route prefetcher (routes.ts) and the access rules (providers/access.ts)
 * are derived from this list: a new screen is a folder with an index.ts, registered here (docs/admin.md).
 */
export const REGISTRY: readonly RegistryEntry[] = [
  // side menu: portfolio
  initiatives,
  milestones,
  engagements,
  decisions,
  agreements,
  importPage,
  // actors
  people,
  organizations,
  // evidence
  intake,
  sources,
  reports,
  // administration
  users,
  sectors,
  countries,
  auditEvents,
  // user menu
  profile,
  password,
  tokens,
  // outside the menus
  positions,
  evidence,
  statusUpdates,
  savedViews,
  reportSchedules,
];

export const RESOURCES = REGISTRY.filter((e): e is ResourceConfig => e.kind === 'resource');
export const PAGES = REGISTRY.filter((e): e is PageConfig => e.kind === 'page');

const byName = new Map(REGISTRY.map((e) => [e.name, e]));

/** The resource or page of that name (also its route's first segment). */
export function entryNamed(name: string): RegistryEntry | undefined {
  return byName.get(name);
}

export interface MenuSection {
  group: MenuGroup;
  /** Catalogue key of the group's heading. */
  label: string;
  items: RegistryEntry[];
}

/** The side menu: each group with its resources and pages, in the registry's order; empty groups left out. */
export const SIDE_MENU: MenuSection[] = MENU_GROUPS.map((group) => ({
  group,
  label: `rabta.menu.${group}`,
  items: REGISTRY.filter((e) => e.menu === group),
})).filter((s) => s.items.length > 0);

/** The pages linked from the app bar's user menu. */
export const USER_MENU: PageConfig[] = PAGES.filter((p) => p.menu === 'user');
