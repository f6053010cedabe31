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
