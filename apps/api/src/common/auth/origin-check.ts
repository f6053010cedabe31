import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Cross-site request forgery protection for state-changing requests that a browser may send on its own (those
 * authenticated by cookie, and sign-in). The algorithm of Go's http.CrossOriginProtection:
 * 1. an Origin listed as trusted (CORS_ORIGINS, PUBLIC_URL) passes;
 * 2. with Sec-Fetch-Site (every current browser sends it): `same-origin` or `none` passes, anything else is refused;
 * 3. with neither Sec-Fetch-Site nor Origin, the sender is not a browser (curl, scripts, supertest): it passes;
 * 4. else the Origin's host must be the Host the request was sent to.
 * Requests carrying `Authorization: Bearer` are not checked: a page on another site cannot add that header.
 */
export function assertSameOrigin(request: FastifyRequest, trustedOrigins: readonly string[]): void {
  const origin = header(request, 'origin');
  if (origin && trustedOrigins.includes(origin)) return;
  const site = header(request, 'sec-fetch-site');
  if (site) {
    if (site === 'same-origin' || site === 'none') return;
    throw crossOrigin(`Sec-Fetch-Site: ${site}`);
  }
  if (!origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host && (host === request.host || host === header(request, 'host'))) return;
  throw crossOrigin(`Origin ${origin}`);
}

function crossOrigin(what: string): AppException {
  return new AppException(
    'CROSS_ORIGIN_REQUEST',
    `This request came from another site (${what}); it must come from Rabta's own pages`,
  );
}
