import type { AppConfig } from '../../config/env';

/**
 * Per-account lockout with a growing delay: after `threshold` consecutive failed sign-ins the account is locked
 * for `baseSeconds`; every further failure doubles that, up to `maxSeconds`. A success resets the count.
 * With the defaults: the 5th failure locks for 1 min, the 6th for 2, the 7th for 4, ... the 11th and later for 1 h.
 */
export function lockSecondsAfter(failures: number, policy: AppConfig['lockout']): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds);
}

/**
 * The same lockout for emails that are no account, kept in memory, so that "locked" does not reveal that an
 * account exists. Bounded: the oldest entries go first.
 */
export class UnknownEmailLockout {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly policy: AppConfig['lockout'],
    private readonly capacity = 10_000,
  ) {}

  /** Seconds left on the lock of this email, or 0. */
  lockedFor(email: string, now = Date.now()): number {
    const entry = this.entries.get(email);
    return entry && entry.lockedUntil > now ? Math.ceil((entry.lockedUntil - now) / 1000) : 0;
  }

  /** Counts a failure; returns the lock it starts, in seconds (0 for none). */
  fail(email: string, now = Date.now()): number {
    const entry = this.entries.get(email) ?? { failures: 0, lockedUntil: 0 };
    this.entries.delete(email);
    entry.failures += 1;
    const seconds = lockSecondsAfter(entry.failures, this.policy);
    if (seconds) entry.lockedUntil = now + seconds * 1000;
    this.entries.set(email, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return seconds;
  }
}
