import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  CreateUserSchema,
  SetUserPasswordSchema,
  UpdateUserSchema,
  type ApiToken,
  type CreateUser,
  type SetUserPassword,
  type UpdateUser,
  type User,
} from '@rabta/domain';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ZodBody, ZodQuery } from '../../common/http/zod';
import { parseId, UserListQuerySchema, versionFromIfMatch } from './users.query';
import { UsersService } from './users.service';

/** /api/users in react-admin's simple-rest dialect; admins only. */
@Controller('users')
@Access('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(
    @ZodQuery(UserListQuerySchema) query: z.output<typeof UserListQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<User[]> {
    const page = await this.users.list(query);
    void reply.header('content-range', page.contentRange);
    return page.data;
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<User> {
    return this.users.get(parseId(id));
  }

  @Post()
  create(@ZodBody(CreateUserSchema) body: CreateUser): Promise<User> {
    return this.users.create(body);
  }

  @Put(':id')
  update(
    @Param('id') id: string,
    @ZodBody(UpdateUserSchema) body: UpdateUser,
    @Headers('if-match') ifMatch?: string,
  ): Promise<User> {
    return this.users.update(parseId(id), body, versionFromIfMatch(ifMatch));
  }

  @Delete(':id')
  disable(@Param('id') id: string): Promise<User> {
    return this.users.disable(parseId(id));
  }

  /** An admin sets a new password for another user; their sessions end and a lockout is lifted. */
  @Post(':id/password')
  @HttpCode(204)
  setPassword(
    @Param('id') id: string,
    @ZodBody(SetUserPasswordSchema) body: SetUserPassword,
    @CurrentUser() actor: AuthUser,
  ): Promise<void> {
    return this.users.setPassword(parseId(id), body, actor);
  }

  /** Lifts the account's sign-in locks, from every address. */
  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param('id') id: string): Promise<User> {
    return this.users.unlock(parseId(id));
  }

  /** Signs the user out everywhere: sessions and API tokens. */
  @Post(':id/revoke-sessions')
  @HttpCode(200)
  revokeSessions(@Param('id') id: string): Promise<{ revoked: number; tokensRevoked: number }> {
    return this.users.revokeSessions(parseId(id));
  }

  /** The user's API tokens (never the secrets). */
  @Get(':id/tokens')
  listTokens(@Param('id') id: string): Promise<ApiToken[]> {
    return this.users.listTokens(parseId(id));
  }

  @Delete(':id/tokens/:tokenId')
  @HttpCode(204)
  revokeToken(@Param('id') id: string, @Param('tokenId') tokenId: string): Promise<void> {
    return this.users.revokeToken(parseId(id), parseId(tokenId));
  }
}
