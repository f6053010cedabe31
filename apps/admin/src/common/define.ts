import type { ComponentType } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import type { RaRecord } from 'react-admin';
import type { AccessRule } from '../providers/access';

// The shape of one entry of the admin's registry (src/registry.ts): a resource (react-admin's <Resource>, one
// folder with an index.ts) or a page of its own (a custom route such as the API tokens page). Routes, lazy chunks,
// the menus, the route prefetcher and the access rules are all derived from these entries.

/** A screen's code, loaded on demand: `() => import('./InitiativeList')`. Never a static import. */
export type Loader = () => Promise<{ default: ComponentType<any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type View = 'list' | 'show' | 'edit' | 'create';

/** The side menu's groups, in the order they are shown (labels `rabta.menu.<group>`). */
export const MENU_GROUPS = ['portfolio', 'actors', 'evidence', 'administration'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface ResourceConfig {
  kind: 'resource';
  /** The API resource (`/api/<name>`), also the route (`#/<name>`) and the key of its access rule. */
  name: string;
  icon?: SvgIconComponent;
  /** Its screens; a resource without pages is still declared so references and access know it. */
  pages: Partial<Record<View, Loader>>;
  /** Where its list is linked in the side menu (in the order of the registry); none: not in the menu. */
  menu?: MenuGroup;
  /** How one of its records is named in titles and references. */
  recordRepresentation?: string | ((record: RaRecord) => string);
  /** Who may do what (providers/access.ts). */
  access: AccessRule;
}

export interface PageConfig {
  kind: 'page';
  /** The route (`#/<name>`) and the key of its access rule (asked with the action `list`). */
  name: string;
  page: Loader;
  /** Catalogue key of its menu entry. */
  label: string;
  icon: SvgIconComponent;
  /** A side-menu group, or the user menu of the app bar; none: reached by link only. */
  menu?: MenuGroup | 'user';
  access: AccessRule;
}

export type RegistryEntry = ResourceConfig | PageConfig;

/** A resource's configuration, for its folder's index.ts. */
export function defineResource(config: Omit<ResourceConfig, 'kind'>): ResourceConfig {
  return { kind: 'resource', ...config };
}

/** A page's configuration (a route of its own, outside react-admin's resources). */
export function definePage(config: Omit<PageConfig, 'kind'>): PageConfig {
  return { kind: 'page', ...config };
}
