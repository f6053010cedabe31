import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './current-user';
import { hashSecret } from './secrets';
import { readSessionCookie } from './session-cookie';
import { credentialOf, SessionsService, type AuthUserRow } from './sessions.service';

export type AuthResult =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: AuthUser }
  /** A session cookie came, but its session is unknown, revoked, idle too long, expired, or its user disabled. */
  | { kind: 'session-expired' }
  /** An `Authorization: Bearer` header came with a token that is unknown, revoked or expired. */
  | { kind: 'token-invalid' };

function toAuthUser(u: AuthUserRow, via: AuthUser['via'], ids: { sessionId?: number; tokenId?: number }): AuthUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    sectorIds: u.sectors.map((s) => s.sectorId),
    via,
    ...ids,
  };
}

/** The Authorization header's bearer token, if the header is a bearer one. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? match[1].trim() : undefined;
}

const TOKEN_TOUCH_EVERY_MS = 60_000;

/**
 * Who sent this request: the user of a bearer API token (when the header is there, the cookie is not looked at),
 * else of the session cookie. Role and scope are read fresh on every request, so a change applies at once.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sessions: SessionsService,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthResult> {
    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) return this.byToken(bearer);
    const cookie = readSessionCookie(request);
    if (cookie === undefined) return { kind: 'anonymous' };
    const session = await this.sessions.findLive(cookie);
    if (!session) return { kind: 'session-expired' };
    return { kind: 'user', user: toAuthUser(session.user, 'session', { sessionId: session.id }) };
  }

  private async byToken(token: string): Promise<AuthResult> {
    if (!token || token.length > 200) return { kind: 'token-invalid' };
    const found = await credentialOf(this.prisma, 'api_tokens', hashSecret(token));
    const row = found && { ...found, lastUsedAt: found.touchedAt };
    const now = Date.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.user.disabled)
      return { kind: 'token-invalid' };
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOKEN_TOUCH_EVERY_MS) {
      await this.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
    }
    return { kind: 'user', user: toAuthUser(row.user, 'token', { tokenId: row.id }) };
  }
}
