import { z } from 'zod';
import type { KeyedMessage } from './messages';

/** Every error code the API returns, with its HTTP status. One map, one exhaustive switch. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNKNOWN_FIELD',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'CROSS_ORIGIN_REQUEST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'VERSION_CONFLICT',
  'VERSION_REQUIRED',
  'CONFLICT',
  'UNIQUE_VIOLATION',
  'REFERENCE_NOT_FOUND',
  'IN_USE',
  'INVALID_TRANSITION',
  'EVIDENCE_REQUIRED',
  'UNPROCESSABLE',
  'LAST_ADMIN',
  'WEAK_PASSWORD',
  'RATE_LIMITED',
  'DEPENDENCY_MISSING',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_REQUEST':
    case 'VALIDATION_FAILED':
    case 'UNKNOWN_FIELD':
    case 'MALFORMED_JSON':
    case 'VERSION_REQUIRED':
    case 'WEAK_PASSWORD':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'SESSION_EXPIRED':
      return 401;
    case 'FORBIDDEN':
    case 'CROSS_ORIGIN_REQUEST':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'VERSION_CONFLICT':
    case 'CONFLICT':
    case 'UNIQUE_VIOLATION':
    case 'IN_USE':
    case 'LAST_ADMIN':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'REFERENCE_NOT_FOUND':
    case 'INVALID_TRANSITION':
    case 'EVIDENCE_REQUIRED':
    case 'UNPROCESSABLE':
      return 422;
    case 'ACCOUNT_LOCKED':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'DEPENDENCY_MISSING':
    case 'DATABASE_UNAVAILABLE':
      return 503;
  }
}

/**
 * The one error shape of the API. `errors` is keyed by field path, so forms can show each beside its input;
 * `fieldErrors` says the same with a stable key and its params (packages/domain/src/validation.ts), for a client to
 * word in its own language.
 */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: Record<string, string>;
  fieldErrors?: Record<string, KeyedMessage>;
  [extra: string]: unknown;
}

/** ApiError as a schema: the OpenAPI document's `Error` component, and what clients and tests parse errors with. */
export const ApiErrorSchema = z
  .looseObject({
    statusCode: z.number().int(),
    code: z.enum(ERROR_CODES),
    message: z.string(),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .describe('Problems by field path, in English, e.g. {"titleEn": "Required"}'),
    fieldErrors: z
      .record(
        z.string(),
        z.object({
          key: z.string().describe('A stable message key, e.g. "validation.tooLong"'),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          message: z.string().describe('The same in English'),
        }),
      )
      .optional()
      .describe(
        'The same problems by field path as keys with their parameters, for a client to word in its own language, ' +
          'e.g. {"titleEn": {"key": "validation.tooLong", "params": {"max": 300}, "message": "…"}}',
      ),
  })
  .describe('Every error the API answers');
