import { z } from 'zod';
import { AppException } from '../errors/app-exception';

/**
 * The two clocks of "as of" views. `asOf`: the world as it was on that date (a calendar date includes the whole
 * day, UTC). `knownAt`: only what Rabta had recorded by that moment. Both default to now.
 */
export interface AsOf {
  /** Events effective strictly before this moment count. */
  effectiveBefore: Date;
  /** Records made at or before this moment count. */
  knownAt: Date;
  /** Whether knownAt was asked for; without it, everything recorded so far counts. */
  knownAtGiven: boolean;
  /** The calendar date "today" means in this view (for overdue and days-to-go). */
  day: string;
  isPast: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const Moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

function parseMoment(raw: string, key: string): Date {
  if (!Moment.safeParse(raw).success) {
    throw new AppException('BAD_REQUEST', `${key} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`, {
      [key]: 'Must be YYYY-MM-DD or an ISO 8601 date-time',
    });
  }
  return new Date(DATE.test(raw) ? `${raw}T00:00:00.000Z` : raw);
}

export function parseAsOf(query: { asOf?: unknown; knownAt?: unknown }, now = new Date()): AsOf | undefined {
  const rawAsOf = typeof query.asOf === 'string' && query.asOf !== '' ? query.asOf : undefined;
  const rawKnown = typeof query.knownAt === 'string' && query.knownAt !== '' ? query.knownAt : undefined;
  if (!rawAsOf && !rawKnown) return undefined;
  let effectiveBefore = now;
  let day = now.toISOString().slice(0, 10);
  if (rawAsOf) {
    const at = parseMoment(rawAsOf, 'asOf');
    // A calendar date means the end of that day.
    effectiveBefore = DATE.test(rawAsOf) ? new Date(at.getTime() + 86_400_000) : new Date(at.getTime() + 1);
    day = at.toISOString().slice(0, 10);
  }
  let knownAt = now;
  if (rawKnown) {
    knownAt = parseMoment(rawKnown, 'knownAt');
    if (DATE.test(rawKnown)) knownAt = new Date(knownAt.getTime() + 86_400_000 - 1);
  }
  return {
    effectiveBefore,
    knownAt,
    knownAtGiven: Boolean(rawKnown),
    day,
    isPast: effectiveBefore < now || knownAt < now,
  };
}
