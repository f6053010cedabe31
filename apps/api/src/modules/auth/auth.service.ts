import { Inject, Injectable } from '@nestjs/common';
import type { AuthMe, ChangePassword, Login } from '@rabta/domain';
import { APP_CONFIG } from '../../app.context';
import type { AuthUser } from '../../common/auth/current-user';
import { assertStrongPassword, hashPassword, spendVerifyTime, verifyPassword } from '../../common/auth/passwords';
import { lockedException } from '../../common/auth/retry-after.interceptor';
import { SessionsService } from '../../common/auth/sessions.service';
import { AppException } from '../../common/errors/app-exception';
import { currentContext } from '../../common/request-context';
import type { AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { toAuthMe } from '../users/users.mapper';
import { AuthRepository, type LoginRow } from './auth.repository';
import { lockSecondsAfter, UnknownEmailLockout } from './lockout';

const INVALID = () => new AppException('INVALID_CREDENTIALS', 'The email or the password is not correct');
const minutes = (s: number) =>
  s < 60 ? `${s} seconds` : `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? '' : 's'}`;

export interface SignedIn {
  user: AuthMe;
  token: string;
  maxAgeSeconds: number;
}

/** Sign-in, sign-out and password changes, with lockout and an audit event for each. */
@Injectable()
export class AuthService {
  private readonly unknownEmails: UnknownEmailLockout;

  constructor(
    private readonly repo: AuthRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.unknownEmails = new UnknownEmailLockout(config.lockout);
  }

  /**
   * The same answer, in about the same time, for an unknown email, a wrong password and a disabled account:
   * 401 INVALID_CREDENTIALS; the failure that reaches the threshold, and every attempt while locked, get 429
   * ACCOUNT_LOCKED with Retry-After (unknown emails too, so a lock reveals nothing).
   */
  async login(input: Login, meta: { userAgent?: string }): Promise<SignedIn> {
    const user = await this.repo.findForLogin({ email: input.email });
    if (!user) return this.failUnknown(input);
    const lockedFor = this.secondsLocked(user);
    if (lockedFor > 0) {
      await this.recordAudit('login.failure', user, { email: user.email, reason: 'locked' });
      throw this.locked(lockedFor);
    }
    const ok = await verifyPassword(user.passwordHash, input.password);
    if (!ok || user.disabled) return this.failKnown(user, ok ? 'disabled' : 'wrong password');

    const session = await this.repo.transaction(async (tx) => {
      await this.repo.recordSuccess(tx, user.id);
      await this.sessions.prune(tx, user.id);
      const created = await this.sessions.create(tx, user.id, { ip: currentContext()?.ip, userAgent: meta.userAgent });
      await this.audit.record(tx, {
        action: 'login.success',
        entity: 'users',
        entityId: user.id,
        actor: { id: user.id, email: user.email },
        after: { sessionId: created.id },
      });
      return created;
    });
    const ctx = currentContext();
    if (ctx) ctx.actor = { id: user.id, email: user.email };
    const authMe = toAuthMe({ ...user, sectorIds: user.sectors.map((s) => s.sectorId) });
    return { user: authMe, token: session.token, maxAgeSeconds: Math.floor(this.sessions.policy.absoluteMs / 1000) };
  }

  async logout(user: AuthUser | undefined): Promise<void> {
    if (!user || user.via !== 'session' || !user.sessionId) return;
    const sessionId = user.sessionId;
    await this.repo.transaction(async (tx) => {
      await this.sessions.revoke(tx, sessionId);
      await this.audit.record(tx, { action: 'logout', entity: 'users', entityId: user.id, after: { sessionId } });
    });
  }

  /** Needs the current password; ends every other session and every API token of the user. Only from a session. */
  async changePassword(user: AuthUser, input: ChangePassword): Promise<void> {
    if (user.via !== 'session')
      throw AppException.forbidden('Change your password from a signed-in session, not with an API token');
    const row = await this.repo.findForLogin({ id: user.id });
    if (!row) throw new AppException('UNAUTHENTICATED', 'Sign in first');
    const lockedFor = this.secondsLocked(row);
    if (lockedFor > 0) throw this.locked(lockedFor);
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      const failures = await this.repo.addFailure(this.repo.prisma, row.id);
      const lock = await this.maybeLock(row, failures, 'wrong current password');
      await this.recordAudit('password.change.failure', row, { failures }, undefined);
      if (lock) throw this.locked(lock);
      throw new AppException('VALIDATION_FAILED', 'The current password is not correct', {
        currentPassword: 'Not correct',
      });
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppException('WEAK_PASSWORD', 'The new password must differ from the current one', {
        newPassword: 'Must differ from the current password',
      });
    }
    assertStrongPassword(input.newPassword, 'newPassword', { email: row.email, name: row.name });
    const passwordHash = await hashPassword(input.newPassword);
    await this.repo.transaction(async (tx) => {
      await this.repo.setPassword(tx, row.id, passwordHash);
      const ended = await this.sessions.endCredentials(tx, row.id, { exceptSession: user.sessionId });
      await this.audit.record(tx, {
        action: 'password.change',
        entity: 'users',
        entityId: row.id,
        after: { otherSessionsRevoked: ended.sessions, tokensRevoked: ended.tokens },
      });
    });
  }

  private secondsLocked(user: Pick<LoginRow, 'lockedUntil'>): number {
    const left = user.lockedUntil ? user.lockedUntil.getTime() - Date.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  private locked(seconds: number): AppException {
    return lockedException(
      `Too many failed sign-ins: this account is locked; try again in ${minutes(seconds)}`,
      seconds,
    );
  }

  private async failUnknown(input: Login): Promise<never> {
    const lockedFor = this.unknownEmails.lockedFor(input.email);
    if (lockedFor > 0) {
      await this.recordAudit('login.failure', null, { email: input.email.slice(0, 254), reason: 'locked' });
      throw this.locked(lockedFor);
    }
    await spendVerifyTime(input.password);
    const lock = this.unknownEmails.fail(input.email);
    await this.recordAudit('login.failure', null, { email: input.email.slice(0, 254), reason: 'unknown email' });
    if (lock) throw this.locked(lock);
    throw INVALID();
  }

  private async failKnown(user: LoginRow, reason: string): Promise<never> {
    const failures = await this.repo.addFailure(this.repo.prisma, user.id);
    const lock = await this.maybeLock(user, failures, reason);
    await this.recordAudit('login.failure', user, { email: user.email, reason, failures });
    if (lock) throw this.locked(lock);
    throw INVALID();
  }

  /** Locks the account when this failure reaches the threshold; records the lockout. Returns its seconds or 0. */
  private async maybeLock(user: LoginRow, failures: number, reason: string): Promise<number> {
    const seconds = lockSecondsAfter(failures, this.config.lockout);
    if (!seconds) return 0;
    const until = new Date(Date.now() + seconds * 1000);
    await this.repo.transaction(async (tx) => {
      await this.repo.lockUntil(tx, user.id, until);
      await this.audit.record(tx, {
        action: 'login.lockout',
        entity: 'users',
        entityId: user.id,
        actor: null,
        after: { failures, lockedUntil: until.toISOString(), seconds, reason },
      });
    });
    return seconds;
  }

  /** Sign-in events are anonymous (null actor); others default to the signed-in user. */
  private async recordAudit(
    action: string,
    user: Pick<LoginRow, 'id'> | null,
    after: Record<string, unknown>,
    actor: null | undefined = null,
  ): Promise<void> {
    await this.repo.transaction((tx) =>
      this.audit.record(tx, { action, entity: 'users', entityId: user?.id ?? null, actor, after }),
    );
  }
}
