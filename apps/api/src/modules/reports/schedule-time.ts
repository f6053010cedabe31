import { parseExpression } from 'cron-parser';
import { AppException } from '../../common/errors/app-exception';

// Cron schedules in a time zone (cron-parser, the parser pg-boss itself uses). Five fields: minute hour
// day-of-month month day-of-week; `0 8 * * 1` is every Monday at 08:00 in the schedule's zone.

/** 400 naming the cron field when the expression is not a valid five-field cron. */
export function assertCron(cron: string, timezone: string): void {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new AppException(
      'VALIDATION_FAILED',
      'cron must have five fields: minute hour day-of-month month day-of-week (e.g. 0 8 * * 1, Mondays 08:00)',
      {
        cron: 'Five fields, e.g. 0 8 * * 1',
      },
    );
  }
  try {
    parseExpression(cron, { tz: timezone }).next();
  } catch (err) {
    throw new AppException('VALIDATION_FAILED', `cron is not valid: ${(err as Error).message}`, {
      cron: (err as Error).message,
    });
  }
}

/**
 * The shortest time between two consecutive runs, in minutes, read from the cron's fields rather than by stepping
 * through its runs (cron-parser takes milliseconds a step in a time zone): the closest two times of a day, and the
 * last time of a run day to the first of the next run day over two calendar years (leap days and month lengths
 * included). Wall-clock minutes: a daylight-saving change may shorten one gap a year by its hour.
 */
export function shortestGapMinutes(cron: string): number {
  const { minute, hour, dayOfMonth, month, dayOfWeek } = parseExpression(cron).fields;
  const times = hour.flatMap((h) => minute.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let shortest = Infinity;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i] - times[i - 1]);
  // Cron's day rule: with both day fields restricted a day runs when either matches; `*` leaves the other alone.
  const [, , domField, , dowField] = cron.trim().split(/\s+/);
  const anyDom = domField === '*' || domField === '?';
  const anyDow = dowField === '*' || dowField === '?';
  const doms = new Set<unknown>(dayOfMonth);
  const dows = new Set(dayOfWeek.map((d) => d % 7));
  const months = new Set<unknown>(month);
  const start = Date.UTC(2024, 0, 1); // two years from a leap year: every calendar shape
  let previousDay: number | undefined;
  let dayGap = Infinity;
  for (let d = 0; d < 731; d++) {
    const day = new Date(start + d * 86_400_000);
    if (!months.has(day.getUTCMonth() + 1)) continue;
    // `L`: the last day of the month.
    const last = new Date(start + (d + 1) * 86_400_000).getUTCDate() === 1;
    const byDom = doms.has(day.getUTCDate()) || (last && doms.has('L'));
    const byDow = dows.has(day.getUTCDay());
    const runs = anyDom && anyDow ? true : anyDom ? byDow : anyDow ? byDom : byDom || byDow;
    if (!runs) continue;
    if (previousDay !== undefined) dayGap = Math.min(dayGap, d - previousDay);
    previousDay = d;
  }
  if (Number.isFinite(dayGap) && times.length > 0)
    shortest = Math.min(shortest, dayGap * 1440 - (times[times.length - 1] - times[0]));
  return shortest;
}

/** 400 naming cron when the schedule would run more often than every `minMinutes` minutes (the admins' setting). */
export function assertScheduleInterval(cron: string, minMinutes: number): void {
  const gap = shortestGapMinutes(cron);
  if (gap < minMinutes) {
    const every = minMinutes % 60 === 0 ? `${minMinutes / 60} hour(s)` : `${minMinutes} minutes`;
    throw new AppException(
      'VALIDATION_FAILED',
      `cron runs every ${Math.round(gap)} minute(s) at times; schedules may run at most once every ${every}`,
      { cron: `Runs at most once every ${every}` },
    );
  }
}

/** The first run strictly after `after`. */
export function nextRun(cron: string, timezone: string, after: Date): Date {
  return parseExpression(cron, { tz: timezone, currentDate: after }).next().toDate();
}

/** The run before `slot` (strictly), for "since the previous run". */
export function previousRun(cron: string, timezone: string, slot: Date): Date {
  return parseExpression(cron, { tz: timezone, currentDate: slot }).prev().toDate();
}

/** The calendar date of a moment in a time zone (YYYY-MM-DD). */
export function localDate(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
