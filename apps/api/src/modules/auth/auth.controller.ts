import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ChangePasswordSchema,
  CreateApiTokenSchema,
  LoginSchema,
  type ApiToken,
  type AuthMe,
  type ChangePassword,
  type CreateApiToken,
  type IssuedApiToken,
  type Login,
} from '@rabta/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { LOGIN_RATE_LIMIT } from '../../common/auth/http-security';
import { RetryAfterInterceptor } from '../../common/auth/retry-after.interceptor';
import { clearSessionCookie, setSessionCookie } from '../../common/auth/session-cookie';
import { ZodBody } from '../../common/http/zod';
import { toAuthMe } from '../users/users.mapper';
import { parseId } from '../users/users.query';
import { ApiTokensService } from './api-tokens.service';
import { AuthService } from './auth.service';

@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 {user} and the session cookie; 401 INVALID_CREDENTIALS; 429 ACCOUNT_LOCKED or RATE_LIMITED. */
  @Post('login')
  @HttpCode(200)
  @Access('public')
  @RouteConfig(LOGIN_RATE_LIMIT)
  async login(
    @ZodBody(LoginSchema) body: Login,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('user-agent') userAgent?: string,
  ): Promise<{ user: AuthMe }> {
    const signedIn = await this.auth.login(body, { userAgent });
    setSessionCookie(request, reply, this.config, signedIn.token, signedIn.maxAgeSeconds);
    return { user: signedIn.user };
  }

  /** Ends the session of the cookie (if any) and clears the cookie; 204 whether or not one was live. */
  @Post('logout')
  @HttpCode(204)
  @Access('public')
  async logout(
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(user);
    clearSessionCookie(request, reply, this.config);
  }

  @Get('me')
  @Access('viewer')
  me(@CurrentUser() user: AuthUser): AuthMe {
    return toAuthMe(user);
  }

  /** 204; other sessions of the user end. */
  @Post('password')
  @HttpCode(204)
  @Access('viewer')
  changePassword(@CurrentUser() user: AuthUser, @ZodBody(ChangePasswordSchema) body: ChangePassword): Promise<void> {
    return this.auth.changePassword(user, body);
  }

  @Get('tokens')
  @Access('viewer')
  listTokens(@CurrentUser() user: AuthUser): Promise<ApiToken[]> {
    return this.tokens.list(user);
  }

  /** 201 with the token itself, shown this once. */
  @Post('tokens')
  @Access('viewer')
  issueToken(
    @CurrentUser() user: AuthUser,
    @ZodBody(CreateApiTokenSchema) body: CreateApiToken,
  ): Promise<IssuedApiToken> {
    return this.tokens.issue(user, body);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @Access('viewer')
  revokeToken(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.tokens.revoke(user, parseId(id));
  }
}
