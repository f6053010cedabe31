// The "as of" date of the app bar: lists, pages and the dashboard show the world as of that date (and, optionally,
// as it was known at a moment). Kept outside React so the HTTP client can add it to every read; persisted per tab.

export interface AsOfState {
  /** YYYY-MM-DD, or null for "today". */
  asOf: string | null;
  /** ISO timestamp, or null for "everything recorded so far". */
  knownAt: string | null;
}

const KEY = 'rabta.asOf';
type Listener = (state: AsOfState) => void;
const listeners = new Set<Listener>();

function load(): AsOfState {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw) {
      const v = JSON.parse(raw) as Partial<AsOfState>;
      return {
        asOf: typeof v.asOf === 'string' ? v.asOf : null,
        knownAt: typeof v.knownAt === 'string' ? v.knownAt : null,
      };
    }
  } catch {
    // ignore
  }
  return { asOf: null, knownAt: null };
}

let state: AsOfState = load();

export function getAsOf(): AsOfState {
  return state;
}

/** In the past: every edit action is hidden, the app bar is marked. */
export function isPast(s: AsOfState = state): boolean {
  return s.asOf != null || s.knownAt != null;
}

export function setAsOf(next: AsOfState): void {
  state = { asOf: next.asOf || null, knownAt: next.knownAt || null };
  try {
    if (isPast(state)) window.sessionStorage.setItem(KEY, JSON.stringify(state));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
  for (const l of listeners) l(state);
}

export function subscribeAsOf(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads that honour asOf/knownAt on the server. */
const AS_OF_PATHS = /^\/api\/(initiatives|milestones|dashboard)(\/|\?|$)/;

export function withAsOf(url: string, method = 'GET'): string {
  if (method !== 'GET' || !isPast()) return url;
  const u = new URL(url, window.location.origin);
  if (!AS_OF_PATHS.test(u.pathname + u.search)) return url;
  if (state.asOf) u.searchParams.set('asOf', state.asOf);
  if (state.knownAt) u.searchParams.set('knownAt', state.knownAt);
  return u.pathname + u.search;
}
