import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '../errors/app-exception';
import { ACCESS_KEY, type AccessLevel } from './access.decorator';

/** Deny by default: a route must declare its access level. Authentication comes with the access issue. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!level) throw AppException.forbidden('This route declares no access rule, so nobody may call it');
    if (level === 'public') return true;
    throw new AppException('UNAUTHENTICATED', 'Sign in first');
  }
}
