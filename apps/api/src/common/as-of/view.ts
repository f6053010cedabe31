import type { ViewDay } from '@rabta/domain';
import type { AsOf } from '../http/as-of';

// The view a read is made in: `undefined` is the present (no `asOf`, no `knownAt`), else the two clocks of
// parseAsOf. Every as-of query of this folder takes one, so the API, the dashboard and the reports read alike.

export type View = AsOf | undefined;

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The calendar day of a view and whether it is the present, for the domain's as-of rules. */
export function viewDay(view: View, now = new Date()): ViewDay {
  return view ? { day: view.day, present: false } : { day: today(now), present: true };
}

/** The day whose news counts as fresh: the view's day, or the day of its knowledge when that is earlier. */
export function staleDay(view: View, now = new Date()): string {
  if (!view) return today(now);
  const known = view.knownAt.toISOString().slice(0, 10);
  return known < view.day ? known : view.day;
}

/** Whether the attributes Rabta edits in place must be read as the audit log says they were (known-at.ts). */
export const readsAsKnown = (view: View): boolean => !!view?.knownAtGiven;
