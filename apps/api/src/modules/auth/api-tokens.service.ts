import { Injectable } from '@nestjs/common';
import type { ApiToken, CreateApiToken, IssuedApiToken } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { newApiToken } from '../../common/auth/secrets';
import { AppException } from '../../common/errors/app-exception';
import { AuditService } from '../audit/audit.service';
import { AuthRepository, type TokenRow } from './auth.repository';

export const MAX_LIVE_TOKENS = 20;

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Personal API tokens for scripts: they carry their user's role and scope; shown once, stored as sha256. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<ApiToken[]> {
    return this.listOf(user.id);
  }

  /** The tokens of any user (their own page, or an admin's view of them). */
  async listOf(userId: number): Promise<ApiToken[]> {
    return (await this.repo.listTokens(userId)).map(toApiToken);
  }

  async issue(user: AuthUser, input: CreateApiToken): Promise<IssuedApiToken> {
    // A stolen token must not be able to mint more tokens.
    if (user.via !== 'session')
      throw AppException.forbidden('Create API tokens from a signed-in session, not with another token');
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new AppException('VALIDATION_FAILED', 'The expiry must lie in the future', {
        expiresAt: 'Must be in the future',
      });
    }
    const secret = newApiToken();
    return this.repo.transaction(async (tx) => {
      if ((await this.repo.countLiveTokens(tx, user.id)) >= MAX_LIVE_TOKENS) {
        throw new AppException('CONFLICT', `You already have ${MAX_LIVE_TOKENS} live API tokens; revoke one first`);
      }
      const row = await this.repo.createToken(tx, {
        userId: user.id,
        name: input.name,
        tokenHash: secret.hash,
        prefix: secret.prefix,
        expiresAt,
      });
      const token = toApiToken(row);
      await this.audit.record(tx, {
        action: 'token.issue',
        entity: 'api_tokens',
        entityId: row.id,
        after: { ...token, userId: user.id },
      });
      return { ...token, token: secret.token };
    });
  }

  async revoke(user: AuthUser, id: number): Promise<void> {
    return this.revokeOf(user.id, id);
  }

  /** Revokes a live token of this user (404 for another user's, so ids reveal nothing); audited. */
  async revokeOf(userId: number, id: number): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const row = await this.repo.findLiveToken(tx, userId, id);
      if (!row) throw AppException.notFound('API token', id);
      await this.repo.revokeToken(tx, id);
      await this.audit.record(tx, {
        action: 'token.revoke',
        entity: 'api_tokens',
        entityId: id,
        before: { ...toApiToken(row), userId },
      });
    });
  }
}
