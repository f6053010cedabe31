import type { ApiToken } from '@rabta/domain/schemas/users';

// Pure helpers of the API tokens page (no React, no HTTP: the unit tests import this file directly).

export type TokenState = 'active' | 'expired';

export function tokenState(token: Pick<ApiToken, 'expiresAt'>, now = Date.now()): TokenState {
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/** The expiry choices offered on creation: a number of days from now, none, or a calendar date picked. */
export const EXPIRY_PRESETS = ['30', '90', '365', 'never', 'date'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

/** The `expiresAt` to send: an instant N days from now, null for none, or the picked date (midnight UTC, as the API reads it). */
export function expiryOf(preset: ExpiryPreset, date: string, now = Date.now()): string | null {
  if (preset === 'never') return null;
  if (preset === 'date') return date;
  return new Date(now + Number(preset) * 86_400_000).toISOString();
}

/** The one-line example shown with a new token. */
export function curlExample(token: string, origin: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/initiatives`;
}
