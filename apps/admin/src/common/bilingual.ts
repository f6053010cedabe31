import type { AppLocale } from '../i18n';

export interface PickedText {
  text: string;
  /** The language the text is in. */
  lang: AppLocale;
  /** True when the current language had no text and the other one is shown instead. */
  fallback: boolean;
}

/** The `<base>En` / `<base>Ur` field of a language, e.g. the column a list sorts by in the language it is shown in. */
export const fieldIn = (base: string, lang: AppLocale) => `${base}${lang === 'ur' ? 'Ur' : 'En'}`;

/** The `<base>En` / `<base>Ur` field in the current language, else the other one (flagged as a fallback). */
export function pickText(
  record: Record<string, unknown> | null | undefined,
  base: string,
  locale: AppLocale,
): PickedText | null {
  if (!record) return null;
  const other: AppLocale = locale === 'ur' ? 'en' : 'ur';
  const own = record[fieldIn(base, locale)];
  if (typeof own === 'string' && own.trim()) return { text: own, lang: locale, fallback: false };
  const alt = record[fieldIn(base, other)];
  if (typeof alt === 'string' && alt.trim()) return { text: alt, lang: other, fallback: true };
  return null;
}

/** Plain text for titles and representations (no fallback marker). */
export function textOf(record: Record<string, unknown> | null | undefined, base: string, locale: AppLocale): string {
  return pickText(record, base, locale)?.text ?? '';
}
