import type { TranslateFunction as Translate } from 'react-admin';
import { apiErrorOf } from '../providers/apiError';

const RA_PREFIX = '@@react-admin@@';

/** A field message as stored by the HTTP client (key, key with arguments, or plain server text) in the UI language. */
export function errorText(translate: Translate, message: string | undefined | null): string {
  if (!message) return '';
  if (message.startsWith(RA_PREFIX)) {
    try {
      const { message: key, args } = JSON.parse(message.slice(RA_PREFIX.length)) as {
        message: string;
        args?: Record<string, unknown>;
      };
      return translate(key, { _: key, ...args });
    } catch {
      return message;
    }
  }
  return translate(message, { _: message });
}

/** The field errors of an API error as the HTTP client mapped them (`quotes.12` → message), without the form's `root`. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const errors = { ...((apiErrorOf(error)?.errors as Record<string, unknown> | undefined) ?? {}) };
  delete errors.root;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)]));
}
