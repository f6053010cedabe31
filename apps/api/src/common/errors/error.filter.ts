import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionFailure } from '../database/database-status';
import { toApiError } from './to-api-error';

/** The one global filter: every error leaves in one shape (CONTRIBUTING.md, "Errors"). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(request, reply, exception);
  }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, exception: unknown): void {
  const { body, internal } = toApiError(exception, String(request.id));
  // A lost connection: further requests are answered 503 at once until the database answers again.
  if (body.code === 'DATABASE_UNAVAILABLE' && isConnectionFailure(exception))
    request.server.databaseStatus?.markDown(String((exception as Error)?.message ?? exception));
  if (internal) request.log.error({ err: exception }, 'Request failed');
  // While the database is away, DatabaseStatus logs the outage once; a line per refused request would only load
  // the process (and the log) when it is busiest.
  else if (body.code === 'DATABASE_UNAVAILABLE') request.log.debug({ code: body.code }, body.message);
  else if (body.statusCode >= 500) request.log.warn({ code: body.code }, body.message);
  if (reply.sent) return;
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}
