// Rows → wire values. Calendar dates travel as YYYY-MM-DD, moments as ISO 8601 in UTC.
import { Prisma } from '@rabta/db';

/**
 * SQL: a calendar date as its wire text. On a hot read, PostgreSQL writing the text saves parsing each value
 * into a Date and formatting it again (isoDate) per row.
 */
export const sqlIsoDate = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;

/** SQL: a moment as its wire text, as isoTs writes it (UTC, milliseconds, the finer digits cut off). */
export const sqlIsoTs = (column: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function isoDate(d: Date): string;
export function isoDate(d: Date | null | undefined): string | null;
export function isoDate(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function isoTs(d: Date): string;
export function isoTs(d: Date | null | undefined): string | null;
export function isoTs(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** YYYY-MM-DD → the Date Prisma stores for a @db.Date column. */
export function dateOnly(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

/** An ISO date or date-time → Date (a bare date is midnight UTC). */
export function moment(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
}

/** An ISO date or date-time as an inclusive upper bound: a bare date runs to its last millisecond (UTC). */
export function momentUntil(value: string | null | undefined): Date | null | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : moment(value);
}

/** Only the keys that are present, so a partial update changes nothing else. */
export function definedOnly<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const DAY_MS = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
