import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { CacheProvider } from '@emotion/react';
import { AccessDenied, Admin, CanAccess, CustomRoutes, Loading, Resource, type I18nProvider } from 'react-admin';
import { Route } from 'react-router-dom';
import type { View } from './common/define';
import { lazyPage } from './common/lazyPage';
import { getCurrentLocale, onLocaleChange, type AppLocale } from './i18n';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { PAGES, RESOURCES } from './registry';
import { shell } from './routes';
import { ltrCache, rtlCache } from './theme/direction';
import { themeFor } from './theme/theme';

// Everything behind sign-in is loaded per route: the layout, the dashboard and every screen (lazy components made
// once, here, from the registry's loaders).
const Layout = lazyPage(shell.layout);
const Dashboard = lazyPage(shell.dashboard);

const resources = RESOURCES.map(({ name, icon, pages, recordRepresentation }) => ({
  name,
  icon,
  recordRepresentation,
  ...(Object.fromEntries(Object.entries(pages).map(([view, load]) => [view, lazyPage(load)])) as Partial<
    Record<View, ComponentType>
  >),
}));

const pages = PAGES.map(({ name, page }) => ({ name, Page: lazyPage(page) }));

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
        {resources.map((r) => (
          <Resource key={r.name} {...r} />
        ))}
        <CustomRoutes>
          {pages.map(({ name, Page }) => (
            <Route
              key={name}
              path={`/${name}`}
              element={
                // A page's own access rule (react-admin checks resources' routes, not custom ones).
                <CanAccess action="list" resource={name} loading={<Loading />} accessDenied={<AccessDenied />}>
                  <Page />
                </CanAccess>
              }
            />
          ))}
        </CustomRoutes>
      </Admin>
    </CacheProvider>
  );
}
