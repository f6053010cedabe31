import { urPK } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import type { AppLocale } from '../i18n';

// System fonts only (Debian's fonts-noto-core): no webfont downloads. Naskh is the dense UI face for Urdu, Nastaliq
// the traditional face for headings (it needs generous line height). Latin text falls back per glyph.
// No generic family inside the Urdu stacks: Latin letters in Urdu text must fall through to Noto Sans, not to serif.
export const FONT_LATIN = '"Noto Sans", "DejaVu Sans", "Segoe UI", system-ui, sans-serif';
export const FONT_NASKH = '"Noto Naskh Arabic", "Noto Sans Arabic"';
export const FONT_NASTALIQ = '"Noto Nastaliq Urdu", "Noto Naskh Arabic"';

/** Font for a piece of Urdu text shown inside an English page (and vice versa). */
export const urduTextSx = { fontFamily: `${FONT_NASKH}, ${FONT_LATIN}`, lineHeight: 1.8 } as const;

/** The attributes of a text input for text in `language`: Urdu right-to-left in Naskh, anything else by its content. */
export function textInputProps(language: string | undefined) {
  return language === 'ur'
    ? ({ dir: 'rtl', lang: 'ur', style: { ...urduTextSx } } as const)
    : ({ dir: 'auto' } as const);
}

export function themeFor(locale: AppLocale): RaThemeOptions {
  const rtl = locale === 'ur';
  const body = rtl ? `${FONT_NASKH}, ${FONT_LATIN}` : `${FONT_LATIN}, ${FONT_NASKH}`;
  const heading = rtl
    ? { fontFamily: `${FONT_NASTALIQ}, ${FONT_LATIN}`, lineHeight: 2.1, fontWeight: 400 }
    : { fontFamily: body, fontWeight: 500 };
  return {
    ...defaultTheme,
    direction: rtl ? 'rtl' : 'ltr',
    palette: {
      mode: 'light',
      primary: { main: '#0b5563', light: '#3f8290', dark: '#003039', contrastText: '#fff' },
      secondary: { main: '#124559', contrastText: '#fff' },
      warning: { main: '#b26a00' },
      background: { default: '#f4f6f7' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: body,
      // Naskh sets a little smaller than Latin at the same size: lift it to keep tables legible.
      fontSize: rtl ? 15 : 14,
      h1: heading,
      h2: heading,
      h3: heading,
      h4: heading,
      h5: heading,
      h6: rtl ? { ...heading, lineHeight: 1.9, fontSize: '1.15rem' } : { fontWeight: 500 },
      body1: rtl ? { lineHeight: 1.8 } : {},
      body2: rtl ? { lineHeight: 1.7 } : {},
    },
    components: {
      ...defaultTheme.components,
      // MUI's own words (an autocomplete's "No options", "Loading…", a pagination's labels) in Urdu: MUI's ur-PK locale.
      ...(rtl ? urPK.components : {}),
      MuiAutocomplete: {
        ...defaultTheme.components?.MuiAutocomplete,
        defaultProps: {
          ...defaultTheme.components?.MuiAutocomplete?.defaultProps,
          ...(rtl ? { ...urPK.components?.MuiAutocomplete?.defaultProps, noOptionsText: 'کچھ نہیں ملا' } : {}),
        },
      },
      MuiAppBar: { styleOverrides: { root: { boxShadow: 'none' } } },
      MuiTableCell: {
        styleOverrides: {
          root: { '&.MuiTableCell-paddingCheckbox': { padding: '0 8px 0 8px' }, ...(rtl ? { lineHeight: 1.6 } : {}) },
          head: { fontWeight: 600 },
        },
      },
      MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
    },
  };
}
