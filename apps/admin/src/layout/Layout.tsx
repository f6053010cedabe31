import { createElement, useEffect, type ReactNode } from 'react';
import { Box, ListItemIcon, ListItemText, ListSubheader, MenuItem, Typography } from '@mui/material';
import {
  AppBar,
  Layout as RaLayout,
  LoadingIndicator,
  Logout,
  Menu,
  MenuItemLink,
  TitlePortal,
  UserMenu,
  useCanAccessResources,
  useGetIdentity,
  useLocaleState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { PageConfig, RegistryEntry } from '../common/define';
import { isLocale } from '../i18n';
import { SIDE_MENU, USER_MENU, type MenuSection } from '../registry';
import { useAsOf } from '../common/useAsOf';
import { AsOfBanner, AsOfControl } from './AsOfControl';
import { DatabaseBanner } from './DatabaseBanner';
import { GlobalSearch } from './GlobalSearch';
import { LanguageMenu } from './LanguageMenu';
import { takeExplicitLocaleChoice } from './localeChoice';
import { takeProfileLocaleTurn } from '../providers/authProvider';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { useDataProvider } from 'react-admin';

function UserMenuLink({ page }: { page: PageConfig }) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={`/${page.name}`} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>{createElement(page.icon, { fontSize: 'small' })}</ListItemIcon>
      <ListItemText>{translate(page.label)}</ListItemText>
    </MenuItem>
  );
}

function RabtaAppBar() {
  const { past } = useAsOf();
  // Asked with the app bar, so the user menu opens with its items ready.
  const { canAccess } = useCanAccessResources({ action: 'list', resources: USER_MENU.map((p) => p.name) });
  return (
    <AppBar
      color={past ? 'warning' : 'primary'}
      sx={{
        '& #react-admin-title': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
      }}
      toolbar={
        <>
          <GlobalSearch />
          <AsOfControl />
          <LanguageMenu />
          <LoadingIndicator />
        </>
      }
      userMenu={
        <UserMenu>
          {USER_MENU.filter((page) => canAccess?.[page.name]).map((page) => (
            <UserMenuLink key={page.name} page={page} />
          ))}
          <Logout />
        </UserMenu>
      }
    >
      <Typography
        component="span"
        sx={{
          fontWeight: 700,
          mx: 1,
          display: { xs: 'none', md: 'inline' },
          whiteSpace: 'nowrap',
          fontFamily: 'inherit',
        }}
      >
        Rabta · رابطہ
      </Typography>
      <TitlePortal />
    </AppBar>
  );
}

/** A side-menu group: its heading, shown when the user may open at least one of its items, then the items. */
function Group({ section }: { section: MenuSection }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccessResources({ action: 'list', resources: section.items.map((e) => e.name) });
  if (!canAccess || !Object.values(canAccess).some(Boolean)) return null;
  return (
    <>
      <ListSubheader disableSticky sx={{ bgcolor: 'transparent', lineHeight: 2.5, mt: 1 }}>
        {translate(section.label)}
      </ListSubheader>
      {section.items
        .filter((entry) => canAccess[entry.name])
        .map((entry) => (
          <MenuEntry key={entry.name} entry={entry} />
        ))}
    </>
  );
}

/** A resource's list or a page of its own. */
function MenuEntry({ entry }: { entry: RegistryEntry }) {
  if (entry.kind === 'resource') return <Menu.ResourceItem name={entry.name} />;
  return (
    <MenuItemLink
      to={`/${entry.name}`}
      state={{ _scrollToTop: true }}
      primaryText={entry.label}
      leftIcon={createElement(entry.icon)}
    />
  );
}

function RabtaMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="rabta.menu.dashboard" />
      {SIDE_MENU.map((section) => (
        <Group key={section.group} section={section} />
      ))}
    </Menu>
  );
}

/** Once per sign-in: the profile's language wins, unless the user just chose one on the sign-in page. */
function useProfileLocale() {
  const { identity } = useGetIdentity();
  const [locale, setLocale] = useLocaleState();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  useEffect(() => {
    if (!identity || !takeProfileLocaleTurn()) return;
    if (takeExplicitLocaleChoice()) {
      if (identity.locale !== locale)
        void dataProvider.updateMe({ locale: locale === 'ur' ? 'ur' : 'en' }).catch(() => undefined);
    } else if (isLocale(identity.locale) && identity.locale !== locale) {
      setLocale(identity.locale);
    }
  }, [identity, locale, setLocale, dataProvider]);
}

export default function Layout({ children }: { children: ReactNode }) {
  useProfileLocale();
  return (
    <RaLayout appBar={RabtaAppBar} menu={RabtaMenu} sx={{ '& .RaLayout-content': { pt: 1 } }}>
      <DatabaseBanner />
      <AsOfBanner />
      <Box sx={{ pt: 1 }}>{children}</Box>
    </RaLayout>
  );
}
