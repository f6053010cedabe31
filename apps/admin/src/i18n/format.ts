import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import type { AppLocale } from './index';

export function intlLocale(locale: AppLocale | string): string {
  return locale === 'ur' ? 'ur-PK' : 'en-GB';
}

/** `YYYY-MM-DD` is a calendar date: format it in UTC so no time zone moves it a day. */
function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return value;
  if (!value) return null;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface Formatters {
  locale: AppLocale;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
  number: (value: number | null | undefined) => string;
  money: (value: number | null | undefined, currency?: string | null) => string;
}

export function makeFormatters(locale: AppLocale): Formatters {
  const tag = intlLocale(locale);
  const dateFmt = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const numberFmt = new Intl.NumberFormat(tag);
  return {
    locale,
    date: (v) => {
      const d = v ? toDate(v) : null;
      return d ? dateFmt.format(d) : '';
    },
    dateTime: (v) => {
      const d = v ? toDate(v) : null;
      return d ? dateTimeFmt.format(d) : '';
    },
    number: (v) => (v == null ? '' : numberFmt.format(v)),
    money: (v, currency) => {
      if (v == null) return '';
      try {
        return new Intl.NumberFormat(
          tag,
          currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : {},
        ).format(v);
      } catch {
        return `${numberFmt.format(v)} ${currency ?? ''}`.trim();
      }
    },
  };
}

export function useFormatters(): Formatters {
  const [locale] = useLocaleState();
  return useMemo(() => makeFormatters(locale === 'ur' ? 'ur' : 'en'), [locale]);
}

export function useAppLocale(): AppLocale {
  const [locale] = useLocaleState();
  return locale === 'ur' ? 'ur' : 'en';
}
