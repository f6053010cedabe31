import type { DecisionState, InitiativeStage, MilestoneState } from './enums';
import { TERMINAL_STAGES } from './lifecycle';

// The rules of "as of": what a record's state was on a calendar day, from the facts Rabta holds about it. Every
// view uses these — the analyst API, the dashboard, each report — and the API's SQL mirrors them
// (apps/api/src/common/as-of; a test runs both over the same cases). Days are ISO calendar dates (YYYY-MM-DD),
// compared as strings.

/**
 * The day a view looks at, and whether it is the present: no earlier date and no earlier knowledge was asked for.
 * A fact without a date of its own (a milestone marked achieved without an actual date) can only be placed in the
 * present.
 */
export interface ViewDay {
  day: string;
  present: boolean;
}

/** The calendar date `days` after (or before, when negative) an ISO date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

// ---------------------------------------------------------------------------------------------- initiatives

/**
 * Stages in which an initiative is not being pursued: the terminal ones (TERMINAL_STAGES: nothing moves on) and
 * `suspended` (it may resume). Such an initiative is not counted as active and is never stale.
 */
export const INACTIVE_STAGES: readonly InitiativeStage[] = [...TERMINAL_STAGES, 'suspended'];

export function isActiveStage(stage: InitiativeStage): boolean {
  return !INACTIVE_STAGES.includes(stage);
}

/**
 * The latest publication date that leaves an initiative stale on `day`: evidence published on it or earlier is
 * `staleAfterDays` or more days old.
 */
export function staleCutoff(day: string, staleAfterDays: number): string {
  return addDays(day, -staleAfterDays);
}

/**
 * Stale: an active initiative whose newest evidence (by the publication date of its source) is no later than the
 * view's cut-off (staleCutoff), or that has none.
 */
export function isStale(i: { stage: InitiativeStage; lastEvidenceOn: string | null }, cutoff: string): boolean {
  return isActiveStage(i.stage) && (!i.lastEvidenceOn || i.lastEvidenceOn <= cutoff);
}

// ---------------------------------------------------------------------------------------------- milestones

/** Milestone states that close a milestone: it is never overdue. */
export const CLOSED_MILESTONE_STATES: readonly MilestoneState[] = ['achieved', 'cancelled'];

/** The actual date as of the view: a delivery counts from its own date on. */
export function actualDateAsOf(actualDate: string | null, view: ViewDay): string | null {
  return actualDate && actualDate <= view.day ? actualDate : null;
}

/**
 * A milestone's state on the view's day. Delivered by then (an actual date on or before the day): achieved.
 * Marked achieved but delivered after the day: in progress then. Marked achieved without an actual date: achieved
 * in the present view, in progress in a past one (the delivery cannot be placed in time). Otherwise the state as
 * recorded.
 */
export function milestoneStateAsOf(
  m: { state: MilestoneState; actualDate: string | null },
  view: ViewDay,
): MilestoneState {
  if (actualDateAsOf(m.actualDate, view)) return 'achieved';
  if (m.state === 'achieved' && (m.actualDate || !view.present)) return 'in_progress';
  return m.state;
}

/**
 * Overdue on the view's day: the planned date (as announced by then) has passed, and the milestone is neither
 * achieved nor cancelled then.
 */
export function isMilestoneOverdue(
  m: { state: MilestoneState; plannedDate: string | null; actualDate: string | null },
  view: ViewDay,
): boolean {
  return !!m.plannedDate && m.plannedDate < view.day && !CLOSED_MILESTONE_STATES.includes(milestoneStateAsOf(m, view));
}

/**
 * The announced-vs-delivered figures of a milestone from its ledger of announced dates (in the order they were
 * announced, as far as the view knows it): the date first announced, the slippage from it to the delivery (or to the
 * planned date while undelivered), and how many times a date was announced again after the first.
 */
export function ledgerFigures(
  ledger: readonly { newDate: string | null }[],
  m: { plannedDate: string | null; actualDate: string | null },
): { originalPlannedDate: string | null; slippageDays: number | null; reannouncements: number } {
  const announced = ledger.filter((c) => c.newDate);
  const original = announced[0]?.newDate ?? m.plannedDate;
  const reference = m.actualDate ?? m.plannedDate;
  return {
    originalPlannedDate: original,
    slippageDays: original && reference ? daysFromTo(original, reference) : null,
    reannouncements: Math.max(0, announced.length - 1),
  };
}

// ---------------------------------------------------------------------------------------------- decisions

/** Decision states that close a decision: it is never overdue. */
export const CLOSED_DECISION_STATES: readonly DecisionState[] = ['done', 'dropped'];

/**
 * A decision's state on the view's day: an open decision whose due date has passed is overdue; otherwise the state
 * as recorded (an analyst may call a decision overdue before its date). When it was done is not recorded (the
 * meeting that reviewed it may come long after), so a closed decision reads closed in every view that knows it.
 */
export function decisionStateAsOf(d: { state: DecisionState; dueDate: string | null }, view: ViewDay): DecisionState {
  if (CLOSED_DECISION_STATES.includes(d.state)) return d.state;
  return d.dueDate && d.dueDate < view.day ? 'overdue' : d.state;
}

export function isDecisionOverdue(d: { state: DecisionState; dueDate: string | null }, view: ViewDay): boolean {
  return decisionStateAsOf(d, view) === 'overdue';
}

/** Whether a decision is in a view: it was taken at a meeting held by the view's day. */
export function isDecisionTakenBy(meetingDate: string, day: string): boolean {
  return meetingDate <= day;
}

// ---------------------------------------------------------------------------------------------- positions

/** Whether a position was held on the day: begun by then (or undated) and not ended before it (the end day counts). */
export function isPositionHeldOn(p: { fromDate: string | null; toDate: string | null }, day: string): boolean {
  return (!p.fromDate || p.fromDate <= day) && (!p.toDate || p.toDate >= day);
}

/** The title a person held on the day: of the positions held then, the one that began last. */
export function positionOn<P extends { fromDate: string | null; toDate: string | null }>(
  positions: readonly P[],
  day: string,
): P | undefined {
  return positions
    .filter((p) => isPositionHeldOn(p, day))
    .sort((a, b) => (b.fromDate ?? '').localeCompare(a.fromDate ?? ''))[0];
}
