import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import { AppException } from '../errors/app-exception';

/** An AppException with `extra.retryAfter` (seconds) leaves with a `Retry-After` header (429 ACCOUNT_LOCKED). */
export function lockedException(message: string, retryAfterSeconds: number): AppException {
  return new AppException('ACCOUNT_LOCKED', message, undefined, {
    retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}

@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        const retryAfter = err instanceof AppException ? err.extra?.retryAfter : undefined;
        if (typeof retryAfter === 'number')
          void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
        return throwError(() => err);
      }),
    );
  }
}
