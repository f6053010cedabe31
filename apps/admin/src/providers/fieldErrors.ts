// Pure (no React): the unit tests import it directly.
import type { KeyedMessage } from '@rabta/domain/messages';
import { keyOfIssue } from '@rabta/domain/validation';
import type { z } from 'zod';

// The API names each bad field with a stable key and its params (`fieldErrors[field] = {key, params, message}`,
// packages/domain/src/validation.ts); the admin's catalogues word `rabta.<key>` in English and Urdu, and a key they
// lack falls back to the API's English message. The admin's own checks with the domain's schemas key their issues
// the same way.

// react-admin translates a validation message written in this form, with its arguments.
const RA_PREFIX = '@@react-admin@@';

/** A keyed message as react-admin's translatable validation message (the English message as the fallback). */
export function fieldErrorMessage(keyed: KeyedMessage): string {
  return `${RA_PREFIX}${JSON.stringify({ message: `rabta.${keyed.key}`, args: { ...keyed.params, _: keyed.message } })}`;
}

/** Each field's error, keyed where the API keyed it, else its message as it is. */
export function translateFieldErrors(
  errors: Record<string, string>,
  keyed: Record<string, KeyedMessage> | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const k = keyed?.[field];
      return [field, k ? fieldErrorMessage(k) : String(message)];
    }),
  );
}

/** A zod issue of a domain schema checked in the browser, as the API would key it. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return fieldErrorMessage(keyOfIssue(issue));
}
