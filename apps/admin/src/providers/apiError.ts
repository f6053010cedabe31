import type { KeyedMessage } from '@rabta/domain/messages';
import type { HttpError } from 'react-admin';

// The API's error body, apart from the HTTP client so that code reading errors needs nothing else (and unit tests
// load no UI library).

/** The one error shape of the API (CONTRIBUTING.md, "Errors"). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  /** The same errors as stable keys with their params (packages/domain/src/validation.ts). */
  fieldErrors?: Record<string, KeyedMessage>;
  [extra: string]: unknown;
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return !!body && typeof body === 'object' && typeof (body as ApiErrorBody).code === 'string';
}

export function apiErrorOf(error: unknown): ApiErrorBody | undefined {
  const body = (error as HttpError | undefined)?.body;
  return isApiErrorBody(body) ? body : undefined;
}
