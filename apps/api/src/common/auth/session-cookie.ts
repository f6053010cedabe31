import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/env';

/** The session cookie: an opaque random token; the database keeps only its sha256. */
export const SESSION_COOKIE = 'rabta_session';

/** `Secure` when the request came over HTTPS (directly, or through a trusted proxy) or the public URL is https. */
export function isSecureRequest(request: FastifyRequest, config: Pick<AppConfig, 'publicUrl'>): boolean {
  return request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value ? value : undefined;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Pick<AppConfig, 'publicUrl'>,
  token: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(request, config),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Pick<AppConfig, 'publicUrl'>,
): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(request, config),
    path: '/',
  });
}
