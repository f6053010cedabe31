import { useEffect, type ReactNode } from 'react';
import { Box, ListItemIcon, ListItemText, ListSubheader, MenuItem, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import LockResetIcon from '@mui/icons-material/LockReset';
import PersonIcon from '@mui/icons-material/Person';
import {
  AppBar,
  Layout as RaLayout,
  LoadingIndicator,
  Logout,
  Menu,
  TitlePortal,
  UserMenu,
  useCanAccess,
  useGetIdentity,
  useLocaleState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { isLocale } from '../i18n';
import { useAsOf } from '../common/useAsOf';
import { AsOfBanner, AsOfControl } from './AsOfControl';
import { LanguageMenu } from './LanguageMenu';
import { takeExplicitLocaleChoice } from './localeChoice';
import { takeProfileLocaleTurn } from '../providers/authProvider';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { useDataProvider } from 'react-admin';

function UserMenuLink({ to, icon, label }: { to: string; icon: ReactNode; label: string }) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={to} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText>{translate(label)}</ListItemText>
    </MenuItem>
  );
}

function RabtaAppBar() {
  const { past } = useAsOf();
  return (
    <AppBar
      color={past ? 'warning' : 'primary'}
      sx={{
        '& #react-admin-title': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
      }}
      toolbar={
        <>
          <AsOfControl />
          <LanguageMenu />
          <LoadingIndicator />
        </>
      }
      userMenu={
        <UserMenu>
          <UserMenuLink to="/profile" icon={<PersonIcon fontSize="small" />} label="rabta.menu.profile" />
          <UserMenuLink to="/password" icon={<LockResetIcon fontSize="small" />} label="rabta.menu.password" />
          <UserMenuLink to="/tokens" icon={<KeyIcon fontSize="small" />} label="rabta.menu.tokens" />
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

function Group({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <>
      <ListSubheader disableSticky sx={{ bgcolor: 'transparent', lineHeight: 2.5, mt: 1 }}>
        {translate(label)}
      </ListSubheader>
      {children}
    </>
  );
}

function RabtaMenu() {
  const { canAccess: isAdmin } = useCanAccess({ action: 'list', resource: 'users' });
  return (
    <Menu>
      <Menu.DashboardItem primaryText="rabta.menu.dashboard" />
      <Group label="rabta.menu.portfolio">
        <Menu.ResourceItem name="initiatives" />
        <Menu.ResourceItem name="milestones" />
        <Menu.ResourceItem name="engagements" />
        <Menu.ResourceItem name="decisions" />
        <Menu.ResourceItem name="agreements" />
      </Group>
      <Group label="rabta.menu.actors">
        <Menu.ResourceItem name="people" />
        <Menu.ResourceItem name="organizations" />
      </Group>
      <Group label="rabta.menu.evidence">
        <Menu.ResourceItem name="sources" />
        <Menu.ResourceItem name="reports" />
      </Group>
      {isAdmin && (
        <Group label="rabta.menu.administration">
          <Menu.ResourceItem name="users" />
          <Menu.ResourceItem name="sectors" />
          <Menu.ResourceItem name="countries" />
          <Menu.ResourceItem name="audit-events" />
        </Group>
      )}
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
      <AsOfBanner />
      <Box sx={{ pt: 1 }}>{children}</Box>
    </RaLayout>
  );
}
