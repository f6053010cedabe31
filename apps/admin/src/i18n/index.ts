import Polyglot from 'node-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { en } from './en';

export type AppLocale = 'en' | 'ur';
export const LOCALES: AppLocale[] = ['en', 'ur'];
const STORAGE_KEY = 'rabta.locale';

/** Keys of ours (and react-admin's) that are optional: react-admin asks for them with a default. */
const OPTIONAL_KEYS = [
  /^resources\.[^.]+\.(notifications|notification|empty|invite|page|action|message|forcedCaseName)(\.|$)/,
  /^resources\.[^.]+\.fields\.(q|id)$/,
  /^ra\.(page|action)\.[^.]+\.[^.]+/,
];
const KEY_LIKE = /^(ra|rabta|enums|resources)\.[\w-]+(\.[\w.-]+)+$/;

declare global {
  interface Window {
    /** Keys the UI asked for that the current catalogue lacks (read by the browser tests). */
    __rabtaMissingKeys?: Set<string>;
  }
}

/** A language's name in itself, as the language menus and report forms show it. */
export function languageName(locale: string): string {
  return locale === 'ur' ? 'اردو' : 'English';
}

export function isLocale(value: unknown): value is AppLocale {
  return value === 'en' || value === 'ur';
}

export function storedLocale(): AppLocale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(v)) return v;
  } catch {
    // storage unavailable
  }
  return navigator.language?.toLowerCase().startsWith('ur') ? 'ur' : 'en';
}

export function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable
  }
}

/** The Urdu catalogue is loaded only when needed (its own chunk). */
export async function loadMessages(locale: AppLocale): Promise<TranslationMessages> {
  if (locale === 'ur') return (await import('./ur')).ur as unknown as TranslationMessages;
  return en as unknown as TranslationMessages;
}

type Listener = (locale: AppLocale) => void;
const listeners = new Set<Listener>();
let currentLocale: AppLocale = 'en';

/** Follow locale changes outside React-admin's context (theme direction, <html dir>, the HTTP client). */
export function onLocaleChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function getCurrentLocale(): AppLocale {
  return currentLocale;
}

export function applyDocumentLocale(locale: AppLocale): void {
  const html = document.documentElement;
  html.lang = locale === 'ur' ? 'ur-PK' : 'en';
  html.dir = locale === 'ur' ? 'rtl' : 'ltr';
}

/**
 * A Polyglot i18nProvider (as ra-i18n-polyglot) that also records the keys it could not find, so the browser tests
 * can prove no label falls back to a raw key or to English while the UI is in Urdu.
 */
export function createI18nProvider(initialLocale: AppLocale, initialMessages: TranslationMessages): I18nProvider {
  const missing = (window.__rabtaMissingKeys ??= new Set<string>());
  const make = (locale: AppLocale, messages: TranslationMessages) =>
    new Polyglot({ locale, phrases: { '': '', ...messages }, allowMissing: true, onMissingKey: (key: string) => key });
  let polyglot = make(initialLocale, initialMessages);
  currentLocale = initialLocale;
  applyDocumentLocale(initialLocale);

  return {
    translate: (key: string, options: Record<string, unknown> = {}) => {
      if (typeof key !== 'string') return String(key ?? '');
      if (!polyglot.has(key)) {
        // `__optional`: a lookup of data-driven names (an audit event's JSON keys), not a label of ours.
        if (!options.__optional && KEY_LIKE.test(key) && !OPTIONAL_KEYS.some((re) => re.test(key)))
          missing.add(`${currentLocale}:${key}`);
        if (options._ !== undefined) {
          const fallback = String(options._);
          return new Polyglot({ locale: currentLocale, phrases: { x: fallback }, allowMissing: true }).t('x', options);
        }
        return key;
      }
      return polyglot.t(key, options);
    },
    changeLocale: async (newLocale: string) => {
      const locale: AppLocale = isLocale(newLocale) ? newLocale : 'en';
      const messages = await loadMessages(locale);
      polyglot = make(locale, messages);
      currentLocale = locale;
      storeLocale(locale);
      applyDocumentLocale(locale);
      for (const l of listeners) l(locale);
    },
    getLocale: () => currentLocale,
    getLocales: () => [
      { locale: 'en', name: languageName('en') },
      { locale: 'ur', name: languageName('ur') },
    ],
  };
}
