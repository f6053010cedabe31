import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

const RELOAD_KEY = 'rabta.chunkReload';

/**
 * A chunk that fails to load usually means a new version was deployed while this tab was open (the old hashed
 * files are gone): reload once to get the new index.html; a second failure within a minute is a real error.
 */
function importWithReload<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      const last = Number(window.sessionStorage.getItem(RELOAD_KEY) ?? 0);
      if (Date.now() - last > 60_000) {
        window.sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
        window.location.reload();
        return new Promise<T>(() => undefined);
      }
      throw error;
    });
}

/** A route's component, loaded when the route is first shown (code splitting by route). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<P extends object = any>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(importWithReload(load));
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage;
}
