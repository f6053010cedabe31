import type { Loader, View } from './common/define';
import { entryNamed } from './registry';

// Every screen behind sign-in is its own chunk (the resources' and pages' configs name them, see registry.ts).
// App.tsx renders them through lazyPage; the prefetcher starts loading the current route's chunk while the session
// is being checked.

/** The screens around every route: the layout (menus, app bar) and the dashboard at `#/`. */
export const shell = {
  layout: (() => import('./layout/Layout')) as Loader,
  dashboard: (() => import('./dashboard/Dashboard')) as Loader,
};

/** The view a resource route shows: `#/x` list, `#/x/create`, `#/x/7` edit, `#/x/7/show…` show. */
export function viewOf(second: string | undefined, third: string | undefined): View {
  return !second ? 'list' : second === 'create' ? 'create' : third === 'show' ? 'show' : 'edit';
}

/** The loaders the route in `hash` (`#/initiatives/7/show/timeline`) will need. */
export function loadersFor(hash: string): Loader[] {
  const path = hash.replace(/^#/, '').split('?')[0];
  const [name, second, third] = path.split('/').filter(Boolean);
  if (!name) return [shell.layout, shell.dashboard];
  const entry = entryNamed(name);
  if (!entry) return [shell.layout];
  const load = entry.kind === 'page' ? entry.page : entry.pages[viewOf(second, third)];
  return load ? [shell.layout, load] : [shell.layout];
}

/** Start downloading (and evaluating) the chunks of the current route; React.lazy then finds them ready. */
export function prefetchRoute(hash: string): void {
  for (const load of loadersFor(hash)) void load().catch(() => undefined);
}
