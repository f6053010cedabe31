import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route. Every route declares one (deny by default): a route without it is refused, and the
 * route-walk test fails the build.
 * - public: anyone, signed in or not
 * - viewer: any signed-in user (viewer, analyst, admin)
 * - analyst: analysts and admins; object-level sector scope is checked by the service
 * - admin: admins only
 */
export type AccessLevel = 'public' | 'viewer' | 'analyst' | 'admin';

export const ACCESS_KEY = 'rabta:access';

export const Access = (level: AccessLevel): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, level);
