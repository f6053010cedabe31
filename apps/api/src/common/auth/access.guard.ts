import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '@rabta/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import { AppException } from '../errors/app-exception';
import { currentContext } from '../request-context';
import { ACCESS_KEY, type AccessLevel } from './access.decorator';
import { AuthenticationService, bearerTokenOf } from './authentication.service';
import { assertSameOrigin, isStateChanging } from './origin-check';
import { clearSessionCookie } from './session-cookie';

/** The level a handler declares (method first, then its controller), or undefined. */
export function accessLevelOf(reflector: Reflector, context: ExecutionContext): AccessLevel | undefined {
  return reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
}

/** Origins whose state-changing requests are trusted besides our own: CORS_ORIGINS and PUBLIC_URL. */
export function trustedOriginsOf(config: Pick<AppConfig, 'corsOrigins' | 'publicUrl'>): string[] {
  const origins = config.corsOrigins.map((o) => new URL(o).origin);
  if (config.publicUrl) origins.push(new URL(config.publicUrl).origin);
  return origins;
}

/**
 * The global guard, deny by default:
 * 1. a route must declare its level with @Access, else nobody may call it (403);
 * 2. state-changing requests that a browser could forge (no bearer token) must come from our own origin (403
 *    CROSS_ORIGIN_REQUEST);
 * 3. the caller is identified by bearer token or session cookie; `request.user` and the request context's actor
 *    are set, so every audit event of this request names them;
 * 4. the level is checked: 401 UNAUTHENTICATED (SESSION_EXPIRED when a session cookie came but its session is
 *    over), 403 FORBIDDEN for a role below the level. Sector scope is checked by services (assert-access.ts).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly trustedOrigins: string[];

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.trustedOrigins = trustedOriginsOf(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const level = accessLevelOf(this.reflector, context);
    if (!level) throw AppException.forbidden('This route declares no access rule, so nobody may call it');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    if (isStateChanging(request.method) && bearerTokenOf(request) === undefined)
      assertSameOrigin(request, this.trustedOrigins);

    const auth = await this.authentication.authenticate(request);
    if (auth.kind === 'user') {
      request.user = auth.user;
      const ctx = currentContext();
      if (ctx) ctx.actor = { id: auth.user.id, email: auth.user.email, name: auth.user.name };
    } else if (auth.kind === 'session-expired') {
      // Whatever the route, a dead cookie is of no further use to the browser.
      clearSessionCookie(request, reply, this.config);
    }
    if (level === 'public') return true;

    if (auth.kind === 'session-expired')
      throw new AppException('SESSION_EXPIRED', 'Your session has expired; sign in again');
    if (auth.kind === 'token-invalid')
      throw new AppException('UNAUTHENTICATED', 'The API token is not valid: unknown, revoked or expired');
    if (auth.kind !== 'user') throw new AppException('UNAUTHENTICATED', 'Sign in first');
    if (level !== 'viewer' && !hasRole(auth.user, level)) {
      throw AppException.forbidden(
        level === 'admin' ? 'Only an admin may do this' : 'Only analysts and admins may do this',
      );
    }
    return true;
  }
}
