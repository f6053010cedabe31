import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaClient, queryRows } from '@rabta/db';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import { hashSecret, newSessionToken } from './secrets';

/** How long a session may sit unused, and how long it may live at most, whatever the use. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export function sessionPolicyOf(config: Pick<AppConfig, 'sessionIdleMinutes' | 'sessionMaxDays'>): SessionPolicy {
  return { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionMaxDays * 86_400_000 };
}

// lastSeenAt is written at most once a minute per session: the idle timeout is minutes or hours, not seconds.
const TOUCH_EVERY_MS = 60_000;

type Db = PrismaClient | Prisma.TransactionClient;

/** Sessions live in PostgreSQL; the cookie holds a random token and the table only its sha256. */
@Injectable()
export class SessionsService {
  readonly policy: SessionPolicy;

  constructor(
    private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = sessionPolicyOf(config);
  }

  async create(
    db: Db,
    userId: number,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ id: number; token: string; expiresAt: Date }> {
    const { token, hash } = newSessionToken();
    const expiresAt = new Date(Date.now() + this.policy.absoluteMs);
    const session = await db.session.create({
      data: {
        userId,
        tokenHash: hash,
        expiresAt,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      },
      select: { id: true },
    });
    return { id: session.id, token, expiresAt };
  }

  /** The live session of this cookie token with its user, or undefined when unknown, revoked, idle or expired. */
  async findLive(token: string) {
    const found = await credentialOf(this.prisma, 'sessions', hashSecret(token));
    // A session always has both (NOT NULL columns).
    const session = found && { ...found, lastSeenAt: found.touchedAt!, expiresAt: found.expiresAt! };
    const now = Date.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return undefined;
    if (session.lastSeenAt.getTime() + this.policy.idleMs <= now) return undefined;
    if (session.user.disabled) return undefined;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    return session;
  }

  async revoke(db: Db, sessionId: number): Promise<void> {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /** Ends every session of a user (except one, when the user keeps the one they are using). Returns how many. */
  async revokeAllOf(db: Db, userId: number, options: { except?: number } = {}): Promise<number> {
    const result = await db.session.updateMany({
      where: {
        userId,
        revokedAt: null,
        expiresAt: { gt: new Date() },
        ...(options.except ? { id: { not: options.except } } : {}),
      },
      data: { revokedAt: new Date() },
    });
    return result.count;
  }

  /**
   * Ends every credential of a user: their sessions (except the one they keep, when they change their own password)
   * and their API tokens. After a password change or reset, revoke-sessions, disabling, and a change of role or
   * sector scope: whoever held a copy of any of them is out.
   */
  async endCredentials(
    db: Db,
    userId: number,
    options: { exceptSession?: number } = {},
  ): Promise<{ sessions: number; tokens: number }> {
    const sessions = await this.revokeAllOf(db, userId, { except: options.exceptSession });
    const tokens = await db.apiToken.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return { sessions, tokens: tokens.count };
  }

  /** Housekeeping at sign-in: drop this user's sessions that ended more than 30 days ago. */
  async prune(db: Db, userId: number): Promise<void> {
    const before = new Date(Date.now() - 30 * 86_400_000);
    await db.session.deleteMany({
      where: { userId, OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
    });
  }
}

/** What the guard needs of a user to build an AuthUser. */
export const AUTH_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  disabled: true,
  sectors: { select: { sectorId: true }, orderBy: { sectorId: 'asc' } },
} as const satisfies Prisma.UserSelect;
export type AuthUserRow = Prisma.UserGetPayload<{ select: typeof AUTH_USER_SELECT }>;

/** A session or API token by the hash of its secret, with its user as the guard needs it (AUTH_USER_SELECT). */
export interface Credential {
  id: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** lastSeenAt of a session, lastUsedAt of a token. */
  touchedAt: Date | null;
  user: AuthUserRow;
}

/**
 * Read on every request, so one statement straight on the pool (queryRows): the credential, its user and the user's
 * sectors (AUTH_USER_SELECT's fields).
 */
export async function credentialOf(
  prisma: PrismaClient,
  table: 'sessions' | 'api_tokens',
  tokenHash: string,
): Promise<Credential | undefined> {
  const touched = Prisma.raw(table === 'sessions' ? 'c.last_seen_at' : 'c.last_used_at');
  const [row] = await queryRows<{
    id: number;
    expires_at: Date | null;
    revoked_at: Date | null;
    touched_at: Date | null;
    user_id: number;
    email: string;
    name: string;
    role: AuthUserRow['role'];
    locale: AuthUserRow['locale'];
    disabled: boolean;
    sector_ids: number[];
  }>(
    prisma,
    Prisma.sql`
      SELECT c.id, c.expires_at, c.revoked_at, ${touched} AS touched_at, u.id AS user_id, u.email, u.name, u.role,
             u.locale, u.disabled, ARRAY(SELECT s.sector_id FROM user_sectors s WHERE s.user_id = u.id ORDER BY s.sector_id) AS sector_ids
      FROM ${Prisma.raw(table)} c JOIN users u ON u.id = c.user_id
      WHERE c.token_hash = ${tokenHash}`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    touchedAt: row.touched_at,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      disabled: row.disabled,
      sectors: row.sector_ids.map((sectorId) => ({ sectorId })),
    },
  };
}
