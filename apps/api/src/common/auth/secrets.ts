import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../hash';

/** Session cookies and API tokens: 32 random bytes. Only the sha256 is stored; a stolen table opens nothing. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

/** API tokens carry a recognisable prefix, so a leaked one is easy to spot in a repository or a log. */
export const API_TOKEN_PREFIX = 'rabta_';

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}
