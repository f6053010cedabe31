import { useSyncExternalStore } from 'react';

// Why the sign-in page is showing, for its banner: the session expired (or was revoked), or the user signed out.
// Set by the HTTP layer on any 401 SESSION_EXPIRED (whichever request meets it first) and by logout; kept in
// sessionStorage until the next successful sign-in, not consumed on reading, so that every rendering of the
// sign-in page says why, however many requests fail together and in whatever order react-admin redirects.

export type AuthNotice = 'expired' | 'signed_out';
const KEY = 'rabta.authNotice';
const listeners = new Set<() => void>();

export function readAuthNotice(): AuthNotice | null {
  try {
    const v = window.sessionStorage.getItem(KEY);
    return v === 'expired' || v === 'signed_out' ? v : null;
  } catch {
    return null;
  }
}

function write(notice: AuthNotice | null): void {
  try {
    if (notice) window.sessionStorage.setItem(KEY, notice);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the banner is a courtesy.
  }
  for (const l of listeners) l();
}

export const setAuthNotice = (notice: AuthNotice): void => write(notice);
export const clearAuthNotice = (): void => write(null);

/** The current notice, re-rendering when it changes (a 401 may arrive after the sign-in page is up). */
export function useAuthNotice(): AuthNotice | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, readAuthNotice);
}
