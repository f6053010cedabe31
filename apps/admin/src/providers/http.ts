import { fetchUtils, HttpError } from 'react-admin';
import { getCurrentLocale } from '../i18n';
import { withAsOf } from './asOf';
import { setAuthNotice } from './authNotice';
import { apiErrorOf, isApiErrorBody, type ApiErrorBody } from './apiError';
import { reportDatabaseDown } from './databaseStatus';
import { translateFieldErrors } from './fieldErrors';

export { apiErrorOf, isApiErrorBody, type ApiErrorBody };

/**
 * The API's errors become react-admin's HttpError: `body.errors` shows beside each input (with the overall message
 * as the form's notification), and in Urdu the message comes from our catalogue by its code.
 */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof HttpError)) {
    if (error instanceof TypeError) return new HttpError('rabta.auth.network', 0, null);
    return error;
  }
  const body = error.body;
  if (!isApiErrorBody(body)) return error;
  const message = getCurrentLocale() === 'ur' ? `rabta.errors.${body.code}` : body.message;
  // Flattened `a.b` paths are what react-hook-form expects; each message by its key, in the UI's language.
  const fieldErrors =
    body.errors && Object.keys(body.errors).length > 0
      ? translateFieldErrors(body.errors, body.fieldErrors)
      : undefined;
  const mapped: Record<string, unknown> = { ...body, apiErrors: body.errors };
  if (fieldErrors) mapped.errors = { ...fieldErrors, root: { serverError: message } };
  else delete mapped.errors;
  return new HttpError(message, error.status, mapped);
}

export const API = '/api';

/** Same-origin JSON over fetch, with the session cookie, the as-of parameters on reads, and our error mapping. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  try {
    return await fetchUtils.fetchJson(withAsOf(url, method), { ...options, headers, credentials: 'same-origin' });
  } catch (e) {
    if (e instanceof HttpError && e.status === 401 && apiErrorOf(e)?.code === 'SESSION_EXPIRED')
      setAuthNotice('expired');
    if (e instanceof HttpError && e.status === 503 && apiErrorOf(e)?.code === 'DATABASE_UNAVAILABLE')
      reportDatabaseDown();
    throw toHttpError(e);
  }
}

/** For our own endpoints: JSON in, JSON out. */
export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { json } = await httpClient(`${API}${path}`, {
    method: init.method ?? 'GET',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return json as T;
}
