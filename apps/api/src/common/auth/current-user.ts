import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Locale, Role } from '@rabta/domain';

/** The signed-in user of a request, by session cookie or API token. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Sector scope; empty means every sector. */
  sectorIds: number[];
  locale: Locale;
  via: 'session' | 'token';
  sessionId?: number;
  tokenId?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** The signed-in user; only on routes whose access level is not `public`. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | undefined => ctx.switchToHttp().getRequest().user,
);
