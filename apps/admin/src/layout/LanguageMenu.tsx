import { useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { languageName, type AppLocale } from '../i18n';
import { patchUser } from '../providers/authProvider';
import type { RabtaDataProvider } from '../providers/dataProvider';

/** Switches the language and stores the choice in the user's profile. */
export function useSwitchLocale() {
  const [, setLocale] = useLocaleState();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const notify = useNotify();
  return async (locale: AppLocale) => {
    setLocale(locale);
    try {
      await dataProvider.updateMe({ locale });
      patchUser({ locale });
    } catch (e) {
      notify((e as Error).message, { type: 'warning' });
    }
  };
}

export function LanguageMenu() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const switchLocale = useSwitchLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<TranslateIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={translate('rabta.language.switch')}
        data-testid="language-button"
        sx={{ textTransform: 'none' }}
      >
        {languageName(locale)}
      </Button>
      <Menu open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)}>
        {(['en', 'ur'] as const).map((l) => (
          <MenuItem
            key={l}
            selected={l === locale}
            lang={l}
            data-testid={`language-${l}`}
            onClick={() => {
              setAnchor(null);
              void switchLocale(l);
            }}
          >
            {languageName(l)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
