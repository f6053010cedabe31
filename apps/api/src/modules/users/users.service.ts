import { Injectable } from '@nestjs/common';
import type { Prisma } from '@rabta/db';
import type { ApiToken, CreateUser, SetUserPassword, UpdateMe, UpdateUser, User } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { assertStrongPassword, hashPassword } from '../../common/auth/passwords';
import { LoginThrottleService } from '../../common/auth/login-throttle.service';
import { SessionsService } from '../../common/auth/sessions.service';
import { AppException } from '../../common/errors/app-exception';
import { contentRangeOf } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ApiTokensService } from '../auth/api-tokens.service';
import { toUser, type UserRow } from './users.mapper';
import { parseUserListQuery, type UserListQuerySchema } from './users.query';
import { UsersRepository, type UserChanges } from './users.repository';
import type { z } from 'zod';

export interface Page<T> {
  data: T[];
  contentRange: string;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((id) => y.has(id));
}

/** Users administration (admin only, by route) and one's own profile. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly tokens: ApiTokensService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async list(query: z.output<typeof UserListQuerySchema>): Promise<Page<User>> {
    const q = parseUserListQuery(query);
    if (q.locked !== undefined) {
      // Locked accounts (from any address), or the others.
      const locked = await this.throttle.lockedEmails(this.users.db);
      q.where = { AND: [q.where, { email: q.locked ? { in: locked } : { notIn: locked } }] };
    }
    const { rows, total } = await this.users.list(q);
    return { data: await this.withLocks(rows), contentRange: contentRangeOf('users', q.skip, rows.length, total) };
  }

  async get(id: number): Promise<User> {
    const row = await this.users.findById(id);
    if (!row) throw AppException.notFound('User', id);
    return (await this.withLocks([row]))[0];
  }

  /** Users with their live sign-in locks. */
  private async withLocks(rows: UserRow[], db: Prisma.TransactionClient | undefined = undefined): Promise<User[]> {
    const locks = await this.throttle.locksOf(db ?? this.users.db, [...new Set(rows.map((r) => r.email))]);
    return rows.map((r) => toUser(r, locks.get(r.email)));
  }

  /**
   * POST /api/users/:id/unlock: lifts the sign-in locks of the account from every address (someone guessed from
   * there, or the user mistyped too often), audited with the addresses.
   */
  async unlock(id: number): Promise<User> {
    return this.users.transaction(async (tx) => {
      const row = await this.users.find(tx, id);
      if (!row) throw AppException.notFound('User', id);
      const addresses = await this.throttle.unlock(tx, row.email);
      await this.audit.record(tx, { action: 'unlock', entity: 'users', entityId: id, after: { addresses } });
      return toUser(row);
    });
  }

  async create(input: CreateUser): Promise<User> {
    assertStrongPassword(input.password, 'password', { email: input.email, name: input.name });
    const passwordHash = await hashPassword(input.password);
    return this.users.transaction(async (tx) => {
      await this.assertSectorsExist(tx, input.sectorIds);
      await this.assertEmailFree(tx, input.email);
      const { password: _password, ...fields } = input;
      const row = await this.users.create(tx, { ...fields, passwordHash });
      const user = toUser(row);
      await this.audit.record(tx, { action: 'create', entity: 'users', entityId: row.id, after: user });
      return user;
    });
  }

  /** PUT /api/users/:id: the changed fields with the version they are based on (body `version` or If-Match). */
  async update(id: number, input: UpdateUser, ifMatch: number | undefined): Promise<User> {
    const version = input.version ?? ifMatch;
    if (version === undefined) {
      throw new AppException(
        'VERSION_REQUIRED',
        'Send the version this change is based on (body "version" or If-Match)',
        { version: 'Required' },
      );
    }
    const { email, name, role, sectorIds, locale, disabled } = input;
    return this.change(id, version, { email, name, role, sectorIds, locale, disabled });
  }

  /** DELETE /api/users/:id: users are disabled, never deleted (their name stays on what they recorded). */
  async disable(id: number): Promise<User> {
    return this.change(id, undefined, { disabled: true });
  }

  /** Signs the user out everywhere: every session and every API token ends at once. */
  async revokeSessions(id: number): Promise<{ revoked: number; tokensRevoked: number }> {
    return this.users.transaction(async (tx) => {
      const row = await this.users.find(tx, id);
      if (!row) throw AppException.notFound('User', id);
      const ended = await this.sessions.endCredentials(tx, id);
      const result = { revoked: ended.sessions, tokensRevoked: ended.tokens };
      await this.audit.record(tx, { action: 'sessions.revoke', entity: 'users', entityId: id, after: result });
      return result;
    });
  }

  /** GET /api/users/:id/tokens: the user's API tokens that are not revoked (expired ones too, marked by expiresAt). */
  async listTokens(id: number): Promise<ApiToken[]> {
    if (!(await this.users.findById(id))) throw AppException.notFound('User', id);
    return this.tokens.listOf(id);
  }

  /** DELETE /api/users/:id/tokens/:tokenId: an admin revokes one of the user's tokens. */
  async revokeToken(id: number, tokenId: number): Promise<void> {
    if (!(await this.users.findById(id))) throw AppException.notFound('User', id);
    await this.tokens.revokeOf(id, tokenId);
  }

  /**
   * POST /api/users/:id/password: an admin sets a new password for another user (who forgot theirs, or whose
   * account must be taken back). Their sessions and API tokens end, a lockout is lifted. One's own password is
   * changed with POST /api/auth/password, which asks for the current one.
   */
  async setPassword(id: number, input: SetUserPassword, actor: AuthUser): Promise<void> {
    if (id === actor.id) {
      throw AppException.forbidden(
        'Change your own password with POST /api/auth/password (it asks for the current one)',
      );
    }
    const row = await this.users.findById(id);
    if (!row) throw AppException.notFound('User', id);
    assertStrongPassword(input.password, 'password', { email: row.email, name: row.name });
    const passwordHash = await hashPassword(input.password);
    await this.users.transaction(async (tx) => {
      // The password is not part of the user's representation: its version stays, so an open edit form still saves.
      await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: new Date() } });
      const unlocked = await this.throttle.unlock(tx, row.email);
      const ended = await this.sessions.endCredentials(tx, id);
      await this.audit.record(tx, {
        action: 'password.reset',
        entity: 'users',
        entityId: id,
        after: { sessionsRevoked: ended.sessions, tokensRevoked: ended.tokens, unlocked: unlocked.length > 0 },
      });
    });
  }

  async getMe(user: AuthUser): Promise<User> {
    return this.get(user.id);
  }

  /**
   * PUT /api/me: name and locale. The whole representation may come back; read-only fields are ignored, and
   * privilege fields must be unchanged: a user cannot raise their own role or widen their own scope.
   */
  async updateMe(user: AuthUser, input: UpdateMe): Promise<User> {
    const current = await this.users.findById(user.id);
    if (!current) throw new AppException('UNAUTHENTICATED', 'Sign in first');
    const refused: Record<string, string> = {};
    if (input.email !== undefined && input.email.trim().toLowerCase() !== current.email)
      refused.email = 'Only an admin can change the email';
    if (input.role !== undefined && input.role !== current.role) refused.role = 'Only an admin can change roles';
    if (
      input.sectorIds !== undefined &&
      !sameIds(
        input.sectorIds,
        current.sectors.map((s) => s.sectorId),
      )
    ) {
      refused.sectorIds = 'Only an admin can change the sector scope';
    }
    if (input.disabled !== undefined && input.disabled !== current.disabled)
      refused.disabled = 'Only an admin can disable or enable users';
    if (Object.keys(refused).length) {
      throw new AppException('FORBIDDEN', `You cannot change your own ${Object.keys(refused).join(', ')}`, refused);
    }
    return this.change(user.id, input.version ?? current.version, { name: input.name, locale: input.locale });
  }

  private async change(id: number, version: number | undefined, requested: UserChanges): Promise<User> {
    const result = await this.users.transaction(async (tx): Promise<{ user: User; ended: boolean }> => {
      await this.users.lockAdmins(tx);
      const current = await this.users.find(tx, id);
      if (!current) throw AppException.notFound('User', id);
      if (version !== undefined && version !== current.version) {
        throw new AppException(
          'VERSION_CONFLICT',
          `User ${id} was changed by someone else (version ${current.version}, not ${version}); reload it`,
          undefined,
          {
            current: toUser(current),
          },
        );
      }
      const changes = this.diff(current, requested);
      if (Object.keys(changes).length === 0) return { user: (await this.withLocks([current], tx))[0], ended: false };
      if (changes.sectorIds) await this.assertSectorsExist(tx, changes.sectorIds);
      if (changes.email) await this.assertEmailFree(tx, changes.email, id);
      await this.assertNotLastAdmin(tx, current, changes);
      const row = await this.users.update(tx, id, current.version, changes);
      if (!row)
        throw new AppException('VERSION_CONFLICT', `User ${id} was changed by someone else; reload it`, undefined, {
          current: toUser(current),
        });
      const before = toUser(current);
      const [after] = await this.withLocks([row], tx);
      await this.recordChanges(tx, id, before, after, changes);
      // Disabling, and a change of what the user may do, end their sessions and API tokens: they sign in again.
      const ended = changes.disabled === true || changes.role !== undefined || changes.sectorIds !== undefined;
      if (ended) {
        const revoked = await this.sessions.endCredentials(tx, id);
        await this.audit.record(tx, {
          action: 'credentials.end',
          entity: 'users',
          entityId: id,
          after: {
            reason: Object.keys(changes).filter((k) => ['disabled', 'role', 'sectorIds'].includes(k)),
            ...revoked,
          },
        });
      }
      return { user: after, ended };
    });
    return result.user;
  }

  /** Only what differs from the stored user. */
  private diff(current: UserRow, requested: UserChanges): UserChanges {
    const changes: UserChanges = {};
    if (requested.email !== undefined && requested.email !== current.email) changes.email = requested.email;
    if (requested.name !== undefined && requested.name !== current.name) changes.name = requested.name;
    if (requested.role !== undefined && requested.role !== current.role) changes.role = requested.role;
    if (requested.locale !== undefined && requested.locale !== current.locale) changes.locale = requested.locale;
    if (requested.disabled !== undefined && requested.disabled !== current.disabled)
      changes.disabled = requested.disabled;
    if (
      requested.sectorIds !== undefined &&
      !sameIds(
        requested.sectorIds,
        current.sectors.map((s) => s.sectorId),
      )
    )
      changes.sectorIds = requested.sectorIds;
    return changes;
  }

  private async assertNotLastAdmin(
    tx: Prisma.TransactionClient,
    current: UserRow,
    changes: UserChanges,
  ): Promise<void> {
    const wasActiveAdmin = current.role === 'admin' && !current.disabled;
    const staysActiveAdmin = (changes.role ?? current.role) === 'admin' && !(changes.disabled ?? current.disabled);
    if (wasActiveAdmin && !staysActiveAdmin && (await this.users.countActiveAdmins(tx, current.id)) === 0) {
      throw new AppException('LAST_ADMIN', `${current.email} is the last active admin; make another user admin first`);
    }
  }

  // Checked first for a clear answer; the unique index still decides a race (409 from the error filter).
  private async assertEmailFree(tx: Prisma.TransactionClient, email: string, exceptId?: number): Promise<void> {
    if (await this.users.emailTaken(tx, email, exceptId)) {
      throw new AppException('UNIQUE_VIOLATION', `A user with the email ${email} already exists`, {
        email: 'Already exists',
      });
    }
  }

  private async assertSectorsExist(tx: Prisma.TransactionClient, ids: readonly number[]): Promise<void> {
    const unknown = await this.users.unknownSectorIds(tx, ids);
    if (unknown.length) {
      throw new AppException('REFERENCE_NOT_FOUND', `No sector with id ${unknown.join(', ')}`, {
        sectorIds: `Unknown sector: ${unknown.join(', ')}`,
      });
    }
  }

  /** One `update` event with the changed fields, and a named event for each change of privilege. */
  private async recordChanges(
    tx: Prisma.TransactionClient,
    id: number,
    before: User,
    after: User,
    changes: UserChanges,
  ): Promise<void> {
    const pick = (u: User) => Object.fromEntries(Object.keys(changes).map((k) => [k, u[k as keyof User]]));
    await this.audit.record(tx, {
      action: 'update',
      entity: 'users',
      entityId: id,
      before: pick(before),
      after: pick(after),
    });
    if (changes.role)
      await this.audit.record(tx, {
        action: 'role.change',
        entity: 'users',
        entityId: id,
        before: { role: before.role },
        after: { role: after.role },
      });
    if (changes.sectorIds) {
      await this.audit.record(tx, {
        action: 'scope.change',
        entity: 'users',
        entityId: id,
        before: { sectorIds: before.sectorIds },
        after: { sectorIds: after.sectorIds },
      });
    }
    if (changes.disabled !== undefined)
      await this.audit.record(tx, { action: changes.disabled ? 'disable' : 'enable', entity: 'users', entityId: id });
  }
}
