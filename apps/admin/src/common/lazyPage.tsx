import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/** A route's component, loaded when the route is first shown (code splitting by route). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<P extends object = any>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(load);
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage;
}
