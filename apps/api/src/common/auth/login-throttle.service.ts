import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The growing delay: after `threshold` failed sign-ins in a row the email is locked, from that address, for
 * `baseSeconds`; every further failure doubles it, up to `maxSeconds`. With the defaults: the 5th failure locks for
 * 1 min, the 6th for 2, the 7th for 4, … the 11th and later for 1 h.
 */
export function lockSecondsAfter(failures: number, policy: AppConfig['lockout']): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds);
}

export interface AddressLock {
  address: string;
  failures: number;
  lockedUntil: Date;
}

/**
 * Sign-in throttling per email AND client address, in PostgreSQL (login_throttles), so that every Rabta process
 * behind a load balancer counts the same failures, and so that someone guessing from one address locks only that
 * address out: the account's owner, signing in from elsewhere, is not locked out. Emails that are no account are
 * throttled the same way, so a lock reveals nothing. A success from an address clears its count; failures older
 * than a day (or the longest lock) no longer count; admins see the locks and lift them.
 */
@Injectable()
export class LoginThrottleService {
  readonly policy: AppConfig['lockout'];
  private readonly windowSeconds: number;

  constructor(
    private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = config.lockout;
    this.windowSeconds = Math.max(86_400, config.lockout.maxSeconds);
  }

  /** Seconds left on the lock of this email from this address, or 0. */
  async lockedFor(email: string, address: string): Promise<number> {
    const row = await this.prisma.loginThrottle.findUnique({
      where: { email_address: { email, address } },
      select: { lockedUntil: true },
    });
    const left = row?.lockedUntil ? row.lockedUntil.getTime() - Date.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a failure (atomically, whichever process serves it); returns the count and the lock it starts. */
  async fail(email: string, address: string): Promise<{ failures: number; seconds: number; until: Date | null }> {
    const window = this.windowSeconds;
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ failures: number }[]>`
        INSERT INTO login_throttles (email, address, failures, last_failure_at) VALUES (${email}, ${address}, 1, now())
        ON CONFLICT (email, address) DO UPDATE SET
          failures = CASE WHEN login_throttles.last_failure_at < now() - make_interval(secs => ${window})
                          THEN 1 ELSE login_throttles.failures + 1 END,
          last_failure_at = now()
        RETURNING failures`;
      const seconds = lockSecondsAfter(row.failures, this.policy);
      const until = seconds ? new Date(Date.now() + seconds * 1000) : null;
      if (until) {
        await tx.loginThrottle.update({ where: { email_address: { email, address } }, data: { lockedUntil: until } });
      }
      // Housekeeping: forget old failures that hold no lock.
      await tx.$executeRaw`
        DELETE FROM login_throttles WHERE last_failure_at < now() - make_interval(secs => ${window})
          AND (locked_until IS NULL OR locked_until < now())`;
      return { failures: row.failures, seconds, until };
    });
  }

  /** A successful sign-in from an address clears its count. */
  async succeed(db: Db, email: string, address: string): Promise<void> {
    await db.loginThrottle.deleteMany({ where: { email, address } });
  }

  /** Lifts every lock and count of this email (an admin's unlock or password reset); returns the addresses locked. */
  async unlock(db: Db, email: string): Promise<string[]> {
    const locked = await db.loginThrottle.findMany({
      where: { email, lockedUntil: { gt: new Date() } },
      select: { address: true },
    });
    await db.loginThrottle.deleteMany({ where: { email } });
    return locked.map((l) => l.address);
  }

  /** The live locks of these emails, by email (for the admin's user list and page). */
  async locksOf(db: Db, emails: string[]): Promise<Map<string, AddressLock[]>> {
    if (emails.length === 0) return new Map();
    const rows = await db.loginThrottle.findMany({
      where: { email: { in: emails }, lockedUntil: { gt: new Date() } },
      select: { email: true, address: true, failures: true, lockedUntil: true },
      orderBy: { lockedUntil: 'desc' },
    });
    const out = new Map<string, AddressLock[]>();
    for (const r of rows) {
      out.set(r.email, [
        ...(out.get(r.email) ?? []),
        { address: r.address, failures: r.failures, lockedUntil: r.lockedUntil! },
      ]);
    }
    return out;
  }

  /** Emails locked from at least one address now. */
  async lockedEmails(db: Db): Promise<string[]> {
    const rows = await db.loginThrottle.findMany({
      where: { lockedUntil: { gt: new Date() } },
      select: { email: true },
      distinct: ['email'],
    });
    return rows.map((r) => r.email);
  }
}
