import { HttpException } from '@nestjs/common';
import type { ApiError, ErrorCode, KeyedMessage } from '@rabta/domain';
import { httpStatusOf, keyOfIssue } from '@rabta/domain';
import { ZodError } from 'zod';
import { isConnectionFailure } from '../database/database-status';
import { AppException } from './app-exception';

/** zod issues → `errors` keyed by field path (and `fieldErrors`, the same as keys); unknown keys one by one. */
export function zodToApiError(error: ZodError, where = 'body'): ApiError {
  const errors: Record<string, string> = {};
  const fieldErrors: Record<string, KeyedMessage> = {};
  let unknownOnly = true;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        errors[path] = 'Unknown field';
        fieldErrors[path] = keyOfIssue({ ...issue, message: 'Unknown field' });
      }
      continue;
    }
    unknownOnly = false;
    const path = issue.path.length ? issue.path.join('.') : where;
    if (errors[path] !== undefined) continue;
    errors[path] = issue.message;
    fieldErrors[path] = keyOfIssue(issue);
  }
  const code: ErrorCode = unknownOnly ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED';
  const fields = Object.keys(errors);
  const message =
    code === 'UNKNOWN_FIELD'
      ? `Unknown field${fields.length > 1 ? 's' : ''} in the ${where}: ${fields.join(', ')}`
      : `Invalid ${where}: ${fields.map((f) => `${f} (${errors[f]})`).join('; ')}`;
  return { statusCode: httpStatusOf(code), code, message, errors, fieldErrors };
}

/** The same error with every field path under `prefix` (`filter.role`, `data.title`); the bare prefix stays. */
export function prefixFields(err: ApiError, prefix: string): ApiError {
  const under = <T>(map: Record<string, T> | undefined) =>
    map && Object.fromEntries(Object.entries(map).map(([k, v]) => [k === prefix ? k : `${prefix}.${k}`, v]));
  return { ...err, errors: under(err.errors), fieldErrors: under(err.fieldErrors) };
}

interface PrismaLikeError {
  name?: string;
  code?: string;
  meta?: Record<string, unknown>;
  message: string;
}

function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  const cause = (
    meta?.driverAdapterError as
      { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } } | undefined
  )?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields.map((f) => f.replace(/"/g, ''));
  // The pg adapter names only the index, `<table>_<columns>_key` in Prisma's naming.
  const index = cause?.constraint?.index;
  if (index && cause?.table && index.startsWith(`${cause.table}_`) && index.endsWith('_key')) {
    return [index.slice(cause.table.length + 1, -'_key'.length)];
  }
  return [];
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function prismaToApiError(err: PrismaLikeError): ApiError | undefined {
  switch (err.code) {
    case 'P2002': {
      const fields = uniqueFields(err.meta).map(camel);
      const errors = Object.fromEntries(fields.map((f) => [f, 'Already exists']));
      return {
        statusCode: 409,
        code: 'UNIQUE_VIOLATION',
        message: fields.length
          ? `A record with this ${fields.join(', ')} already exists`
          : 'A record with these values already exists',
        errors,
      };
    }
    case 'P2025':
      return { statusCode: 404, code: 'NOT_FOUND', message: 'Record not found' };
    case 'P2003':
      return {
        statusCode: 422,
        code: 'REFERENCE_NOT_FOUND',
        message: 'A referenced record does not exist, or the record is still referenced',
      };
    case 'P2028':
      // The interactive transaction could not start or finish in time; it was rolled back whole.
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database was too busy to finish this change in time; nothing was saved. Try again.',
      };
    case 'P2034':
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'The record was changed by another request at the same time; try again',
      };
    default:
      return undefined;
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'UNPROCESSABLE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'DATABASE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}

/**
 * Turns anything thrown while serving a request into the one error shape. Returns `internal: true` for what
 * must be logged as a bug; its message never reaches the client.
 */
export function toApiError(err: unknown, requestId?: string): { body: ApiError; internal: boolean } {
  if (err instanceof AppException) return { body: err.toBody(), internal: false };
  if (err instanceof ZodError) return { body: zodToApiError(err), internal: false };
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? err.message);
    // Fastify's body-parser errors arrive here as HttpExceptions carrying Fastify's message.
    if (status === 400 && /JSON|Body cannot be empty/i.test(String(message))) {
      return {
        body: { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
        internal: false,
      };
    }
    return {
      body: {
        statusCode: status,
        code: codeForStatus(status),
        message: Array.isArray(message) ? message.join('; ') : String(message),
      },
      internal: status >= 500,
    };
  }
  const e = (err ?? {}) as PrismaLikeError & { statusCode?: number; validation?: unknown };
  const prisma = e.name?.startsWith('PrismaClient') || /^P\d{4}$/.test(e.code ?? '') ? prismaToApiError(e) : undefined;
  // A 503 from the database (a transaction out of time) is logged; the others are the client's doing.
  if (prisma) return { body: prisma, internal: prisma.statusCode >= 500 };
  // Errors Fastify raises before a route runs: bad JSON, a body too large, an unsupported content type.
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        body: { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
        internal: false,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        body: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
        internal: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        body: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' },
        internal: false,
      };
  }
  if (err instanceof SyntaxError && /JSON/.test(err.message)) {
    return {
      body: { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
      internal: false,
    };
  }
  if (isConnectionFailure(e)) {
    return {
      body: {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unavailable; try again shortly',
      },
      internal: true,
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      body: { statusCode: e.statusCode, code: codeForStatus(e.statusCode), message: e.message },
      internal: false,
    };
  }
  return {
    body: {
      statusCode: 500,
      code: 'INTERNAL',
      message: `Something went wrong on our side${requestId ? ` (request ${requestId})` : ''}; it has been logged`,
    },
    internal: true,
  };
}
