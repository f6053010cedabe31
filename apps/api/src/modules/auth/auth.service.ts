import { Injectable } from '@nestjs/common';
import type { AuthMe, ChangePassword, Login } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { assertStrongPassword, hashPassword, spendVerifyTime, verifyPassword } from '../../common/auth/passwords';
import { lockedException } from '../../common/auth/retry-after.interceptor';
import { SessionsService } from '../../common/auth/sessions.service';
import { AppException } from '../../common/errors/app-exception';
import { currentContext } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import { toAuthMe } from '../users/users.mapper';
import { LoginThrottleService } from '../../common/auth/login-throttle.service';
import { AuthRepository, type LoginRow } from './auth.repository';

/** The client's address as the request context has it (behind a proxy: with TRUST_PROXY, the forwarded one). */
const addressOf = () => currentContext()?.ip ?? 'unknown';

const INVALID = () => new AppException('INVALID_CREDENTIALS', 'The email or the password is not correct');
const minutes = (s: number) =>
  s < 60 ? `${s} seconds` : `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? '' : 's'}`;

export interface SignedIn {
  user: AuthMe;
  token: string;
  maxAgeSeconds: number;
}

/** Sign-in, sign-out and password changes, with the sign-in throttle and an audit event for each. */
@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * The same answer, in about the same time, for an unknown email, a wrong password and a disabled account:
   * 401 INVALID_CREDENTIALS; the failure that reaches the threshold, and every attempt while locked, get 429
   * ACCOUNT_LOCKED with Retry-After (unknown emails too, so a lock reveals nothing). Locks hold for the email from
   * the address that failed, never from the others (LoginThrottleService).
   */
  async login(input: Login, meta: { userAgent?: string }): Promise<SignedIn> {
    const address = addressOf();
    const user = await this.repo.findForLogin({ email: input.email });
    const lockedFor = await this.throttle.lockedFor(input.email, address);
    if (lockedFor > 0) {
      await this.recordAudit('login.failure', user, { email: input.email.slice(0, 254), reason: 'locked', address });
      throw this.locked(lockedFor);
    }
    if (!user) {
      await spendVerifyTime(input.password);
      return this.fail(input.email, null, 'unknown email');
    }
    const ok = await verifyPassword(user.passwordHash, input.password);
    if (!ok || user.disabled) return this.fail(user.email, user, ok ? 'disabled' : 'wrong password');

    const session = await this.repo.transaction(async (tx) => {
      await this.repo.recordSuccess(tx, user.id);
      await this.throttle.succeed(tx, user.email, address);
      await this.sessions.prune(tx, user.id);
      const created = await this.sessions.create(tx, user.id, { ip: currentContext()?.ip, userAgent: meta.userAgent });
      await this.audit.record(tx, {
        action: 'login.success',
        entity: 'users',
        entityId: user.id,
        actor: { id: user.id, email: user.email, name: user.name },
        after: { sessionId: created.id },
      });
      return created;
    });
    const ctx = currentContext();
    if (ctx) ctx.actor = { id: user.id, email: user.email, name: user.name };
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
    const address = addressOf();
    const lockedFor = await this.throttle.lockedFor(row.email, address);
    if (lockedFor > 0) throw this.locked(lockedFor);
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      // Guessing the current password counts towards the same throttle as signing in.
      const { failures, seconds } = await this.throttle.fail(row.email, address);
      if (seconds) await this.recordLockout(row.email, row, failures, seconds, 'wrong current password');
      await this.recordAudit('password.change.failure', row, { failures, address }, undefined);
      if (seconds) throw this.locked(seconds);
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

  private locked(seconds: number): AppException {
    return lockedException(
      `Too many failed sign-ins: this account is locked; try again in ${minutes(seconds)}`,
      seconds,
    );
  }

  /** A failed sign-in: counted for this email from this address; the one that reaches the threshold locks. */
  private async fail(email: string, user: LoginRow | null, reason: string): Promise<never> {
    const address = addressOf();
    const { failures, seconds } = await this.throttle.fail(email, address);
    if (seconds) await this.recordLockout(email, user, failures, seconds, reason);
    await this.recordAudit('login.failure', user, { email: email.slice(0, 254), reason, failures, address });
    if (seconds) throw this.locked(seconds);
    throw INVALID();
  }

  private async recordLockout(
    email: string,
    user: Pick<LoginRow, 'id'> | null,
    failures: number,
    seconds: number,
    reason: string,
  ): Promise<void> {
    const lockedUntil = new Date(Date.now() + seconds * 1000).toISOString();
    await this.repo.transaction((tx) =>
      this.audit.record(tx, {
        action: 'login.lockout',
        entity: 'users',
        entityId: user?.id ?? null,
        actor: null,
        after: { email: email.slice(0, 254), address: addressOf(), failures, lockedUntil, seconds, reason },
      }),
    );
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
