import { HttpError, type AuthProvider } from 'react-admin';
import { getCurrentLocale } from '../i18n';
import { canAccess } from './access';
import { isPast } from './asOf';
import { clearAuthNotice, setAuthNotice } from './authNotice';
import { api, apiErrorOf } from './http';
import type { Me } from './types';

let currentUser: Me | null = null;
type UserListener = (user: Me | null) => void;
const userListeners = new Set<UserListener>();

// The profile's language is applied once per sign-in (not on every mount of the layout).
let profileLocaleDone = false;
export function takeProfileLocaleTurn(): boolean {
  if (profileLocaleDone) return false;
  profileLocaleDone = true;
  return true;
}

function setUser(user: Me | null) {
  if (!user || user.id !== currentUser?.id) profileLocaleDone = false;
  currentUser = user;
  for (const l of userListeners) l(user);
}
export function getUser(): Me | null {
  return currentUser;
}
export function onUserChange(listener: UserListener): () => void {
  userListeners.add(listener);
  return () => userListeners.delete(listener);
}

// Sectors of initiatives for the access rules of attached records: batched per tick, cached for a minute.
const sectorCache = new Map<number, { at: number; sectors: Promise<number[]> }>();
let pending: { id: number; resolve: (s: number[]) => void; reject: (e: unknown) => void }[] = [];
function flush() {
  const batch = pending;
  pending = [];
  const ids = [...new Set(batch.map((b) => b.id))];
  api<{ id: number; sectorIds: number[] }[]>(`/initiatives?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`)
    .then((rows) => {
      const byId = new Map(rows.map((r) => [Number(r.id), r.sectorIds ?? []]));
      for (const b of batch) b.resolve(byId.get(b.id) ?? []);
    })
    .catch((e) => batch.forEach((b) => b.reject(e)));
}
export function sectorsOf(ids: number[]): Promise<number[][]> {
  const now = Date.now();
  return Promise.all(
    ids.map((id) => {
      const hit = sectorCache.get(id);
      if (hit && now - hit.at < 60_000) return hit.sectors;
      const sectors = new Promise<number[]>((resolve, reject) => {
        if (pending.length === 0) setTimeout(flush, 0);
        pending.push({ id, resolve, reject });
      });
      sectorCache.set(id, { at: now, sectors });
      sectors.catch(() => sectorCache.delete(id));
      return sectors;
    }),
  );
}

// One request at a time: react-admin asks checkAuth, getIdentity and canAccess together at start.
let meInFlight: Promise<Me> | null = null;
function fetchMe(): Promise<Me> {
  meInFlight ??= api<Me>('/auth/me')
    .then((me) => {
      setUser(me);
      return me;
    })
    .finally(() => {
      meInFlight = null;
    });
  return meInFlight;
}

/** Check the session as the page starts (before React renders); `onSignedIn` may start loading the route's code. */
export function startSessionCheck(onSignedIn: () => void): void {
  fetchMe().then(onSignedIn, () => undefined);
}

function loginErrorMessage(error: unknown): string {
  const body = apiErrorOf(error);
  switch (body?.code) {
    case 'INVALID_CREDENTIALS':
    case 'VALIDATION_FAILED':
      return 'rabta.auth.invalid_credentials';
    case 'ACCOUNT_LOCKED':
      return 'rabta.auth.account_locked';
    case 'RATE_LIMITED':
      return 'rabta.auth.rate_limited';
  }
  if ((error as HttpError)?.status === 0) return 'rabta.auth.network';
  return body ? (getCurrentLocale() === 'ur' ? `rabta.errors.${body.code}` : body.message) : 'ra.auth.sign_in_error';
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    try {
      const res = await api<{ user?: Me } & Partial<Me>>('/auth/login', {
        method: 'POST',
        body: { email: email ?? username, password },
      });
      setUser(res.user ?? (res as Me));
      clearAuthNotice();
      sectorCache.clear();
    } catch (e) {
      throw new Error(loginErrorMessage(e));
    }
  },
  async logout() {
    if (currentUser) {
      await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
      setAuthNotice('signed_out');
    }
    setUser(null);
    sectorCache.clear();
  },
  async checkAuth() {
    if (currentUser) return;
    try {
      await fetchMe();
    } catch {
      // A 401 SESSION_EXPIRED has already set the sign-in page's notice (the HTTP layer does it for every request).
      // No notification: the sign-in page explains itself.
      throw { message: false };
    }
  },
  async checkError(error: unknown) {
    const status = (error as HttpError)?.status;
    if (status === 401) {
      // A session that worked a moment ago and now does not has expired (or was revoked): say so on the sign-in page,
      // which brings the user back here after signing in again.
      // SESSION_EXPIRED already set the notice in the HTTP layer; any other 401 after a working session means the same.
      if (currentUser) setAuthNotice('expired');
      setUser(null);
      throw { message: false };
    }
    // 403 is a refusal, not a sign-out: the page shows the error.
  },
  async getIdentity() {
    const me = currentUser ?? (await fetchMe());
    return { id: me.id, fullName: me.name, email: me.email, role: me.role, locale: me.locale, sectorIds: me.sectorIds };
  },
  async getPermissions() {
    const me = currentUser ?? (await fetchMe());
    return { role: me.role, sectorIds: me.sectorIds };
  },
  async canAccess({ action, resource, record }) {
    const user = currentUser ?? (await fetchMe().catch(() => null));
    return canAccess({ action, resource, record }, { user, past: isPast(), sectorsOf });
  },
};

/** After a profile change (name, locale) keep the cached user in step. */
export function patchUser(patch: Partial<Me>): void {
  if (currentUser) setUser({ ...currentUser, ...patch });
}
