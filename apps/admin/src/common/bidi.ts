// Text of two directions side by side ("ARY News اردو · 13 May 2025"): each run is isolated, so the bidi algorithm
// orders it on its own and the runs stay in the order they are written, in an English or an Urdu screen. Without
// it, the date's digits after an Urdu word join the Urdu run and jump before it ("ARY News 13 · اردو May 2025").
// In markup a run goes in <bdi> (common/Runs.tsx); where only a plain string will do (a page <title>, an option's
// label, react-admin's recordRepresentation) it goes between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.

export const FSI = '\u2068';
export const PDI = '\u2069';

type Run = string | number | null | undefined | false;

/** Whether a run has anything to show (null, undefined, false and '' are left out of a line of runs). */
export function hasText<T>(run: T | null | undefined | false | ''): run is T {
  return run !== null && run !== undefined && run !== false && run !== '';
}

/** One run, isolated with its own direction (that of its first letter); nothing for an empty run. */
export function isolate(run: Run): string {
  return hasText(run) ? `${FSI}${run}${PDI}` : '';
}

/** The runs that have text, each isolated, joined by `separator` ("publisher · date"). */
export function joinIsolated(runs: Run[], separator = ' · '): string {
  return runs.filter(hasText).map(isolate).join(separator);
}

/** The text without isolates (to compare or search a label as it reads). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
