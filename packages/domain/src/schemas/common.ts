import { z } from 'zod';

// Building blocks of the wire schemas. Dates are ISO 8601: `YYYY-MM-DD` for calendar dates, full timestamps
// with an offset for moments.

/** The largest value of a PostgreSQL `integer` (ids, versions): a larger number is a 400, never a database error. */
export const INT4_MAX = 2_147_483_647;

export const IdSchema = z.coerce.number().int().positive().max(INT4_MAX);
export const OptionalIdSchema = z.number().int().positive().max(INT4_MAX).nullable().optional();
export const RefIdSchema = z.number().int().positive().max(INT4_MAX);

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date({ error: 'Must be a date as YYYY-MM-DD' });
/** A moment, ISO 8601 with an offset (`2025-07-10T12:00:00Z`); a bare date means midnight UTC. */
export const TimestampSchema = z.union([
  z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time, e.g. 2025-07-10T12:00:00Z' }),
  z.iso.date(),
]);

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as PK')
  .transform((v) => v.toUpperCase());

/** Trimmed text; empty after trimming counts as absent for optional fields. */
export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const VersionSchema = z.number().int().positive().max(INT4_MAX);

export const TagsSchema = z.array(z.string().trim().min(1).max(60)).max(30);

/** The version that an update is based on (or `If-Match`). */
export const WithVersion = { version: VersionSchema.optional() };

export type Id = z.infer<typeof IdSchema>;
