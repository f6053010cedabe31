// Calendar dates as people write them: day first, in the user's language ("13 May 2025", "۱۳ مئی ۲۰۲۵"), read back
// from what they type (13/5/2025, 13-05-25, 13 May 2025, ۱۳ مئی ۲۰۲۵, 2025-05-13) into ISO dates.

export type DateLocale = 'en' | 'ur';

const INTL: Record<DateLocale, string> = { en: 'en-GB', ur: 'ur-PK-u-nu-arabext' };

/** "13 May 2025" / "۱۳ مئی ۲۰۲۵": the day first, the month by name, Urdu digits in Urdu. */
export function formatLocalDate(iso: string | null | undefined, locale: DateLocale): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(INTL[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(d)
    .replace('،', '');
}

/** Arabic-Indic and Extended Arabic-Indic (Urdu) digits as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) & 0xf));
}

/** Month names (long and short) in both languages, lower case, to their number (1–12). */
const MONTHS: Map<string, number> = (() => {
  const out = new Map<string, number>();
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2025, m, 1));
    for (const tag of ['en-GB', 'ur-PK'])
      for (const month of ['long', 'short'] as const)
        out.set(new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' }).format(d).toLowerCase(), m + 1);
  }
  out.set('sept', 9);
  return out;
})();

function isoOf(y: number, m: number, d: number): string | undefined {
  const year = y < 100 ? 2000 + y : y;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * What a person typed as an ISO date: `null` for nothing, `undefined` for text that is not a date. Numbers are day
 * first (13/05/2025), except an ISO date (2025-05-13); months may be named in English or Urdu.
 */
export function parseLocalDate(text: string): string | null | undefined {
  const t = asciiDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/[،,]/g, ' ')
    .trim()
    .toLowerCase();
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4}|\d{2})$/.exec(t);
  if (m) return isoOf(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\.?\s+([^\d\s.]+)\.?\s+(\d{4})$/.exec(t.replace(/\s+/g, ' '));
  if (m && MONTHS.has(m[2])) return isoOf(+m[3], MONTHS.get(m[2])!, +m[1]);
  return undefined;
}
