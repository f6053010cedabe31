import type { TranslateFunction as Translate } from 'react-admin';
import type { ZodError } from 'zod';
import { translateServerMessage } from '../providers/serverMessages';

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

/** Zod issues keyed by their path (`quotes.12`), with the messages mapped like the server's. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'root';
    if (!out[key]) out[key] = translateServerMessage(issue.message);
  }
  return out;
}
