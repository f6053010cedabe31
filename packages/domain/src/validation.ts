import type { z } from 'zod';
import { messageCatalogue, type KeyedMessage, type MessageParams } from './messages';

// Field errors as stable keys. The API answers a bad field with `errors[field]` (its English message, for API
// clients) and `fieldErrors[field] = {key, params, message}`; the admin translates `rabta.<key>` with the params.
// The key comes from what was wrong (the zod issue: too long, not a date, missing), never from the English text,
// except for the fixed sentences below that the schemas and services write themselves: those are looked up whole.

export const VALIDATION_MESSAGES = messageCatalogue('validation', {
  required: 'Required',
  at_most: 'At most %{max} characters',
  at_least: 'At least %{min} characters',
  at_most_items: 'At most %{max} items',
  at_least_items: 'At least %{min} items',
  max_value: 'At most %{max}',
  min_value: 'At least %{min}',
  date: 'Must be a date as YYYY-MM-DD',
  datetime: 'Must be an ISO 8601 date-time',
  url: 'Must be an http(s) URL',
  email: 'Must be an email address',
  format: 'Not in the expected format',
  country_code: 'Must be an ISO 3166-1 alpha-2 code such as PK',
  currency: 'Must be an ISO 4217 code such as USD',
  code: 'Letters, digits, -, _ and . only',
  sector_code: 'Lower-case letters, digits and _ (e.g. oil_refining)',
  choose_sector: 'Choose at least one sector',
  choose_country: 'Choose at least one country',
  date_order: 'Must not be before the start date',
  quote_without_source: 'Quote for a source that is not in sourceIds',
  unknown_field: 'Unknown field',
  invalid_option: 'Not one of the allowed values',
  number: 'Must be a number',
  whole_number: 'Must be a whole number',
  future: 'Must be in the future',
  invalid: 'Invalid value',
});

export type ValidationKey = keyof typeof VALIDATION_MESSAGES.templates;

// The fixed sentences of the schemas and services (no parameters), each to its key. A few schemas word a rule
// at more length than the catalogue; the key is the same.
const FIXED: ReadonlyMap<string, ValidationKey> = new Map<string, ValidationKey>([
  ...Object.entries(VALIDATION_MESSAGES.templates)
    .filter(([, text]) => !text.includes('%{'))
    .map(([key, text]) => [text, key as ValidationKey] as const),
  ['Must be an ISO 8601 date-time, e.g. 2025-07-10T12:00:00Z', 'datetime'],
  ['Must be an ISO 8601 date-time, e.g. 2026-12-31T00:00:00Z', 'datetime'],
  ['Must not be before from', 'date_order'],
  ['Must be a JSON object', 'invalid'],
]);

const keyed = (key: ValidationKey, message: string, params: MessageParams = {}): KeyedMessage => ({
  key: `validation.${key}`,
  params,
  message,
});

/** The key of a fixed sentence, if it is one. */
export function keyOfMessage(message: string): KeyedMessage | undefined {
  const key = FIXED.get(message);
  return key ? keyed(key, message) : undefined;
}

const num = (v: unknown): number => Number(v);

/** A zod issue as a keyed message; `message` stays the issue's own English text. */
export function keyOfIssue(issue: z.core.$ZodIssue): KeyedMessage {
  const message = issue.message;
  const fixed = keyOfMessage(message);
  if (fixed) return fixed;
  switch (issue.code) {
    case 'unrecognized_keys':
      return keyed('unknown_field', message);
    case 'invalid_type':
      if (issue.input === undefined) return keyed('required', message);
      if (issue.expected === 'number' || issue.expected === 'int') return keyed('number', message);
      return keyed('invalid', message);
    case 'too_small':
      if (issue.origin === 'string')
        return num(issue.minimum) <= 1
          ? keyed('required', message)
          : keyed('at_least', message, { min: num(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return keyed('at_least_items', message, { min: num(issue.minimum) });
      return keyed('min_value', message, { min: num(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return keyed('at_most', message, { max: num(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return keyed('at_most_items', message, { max: num(issue.maximum) });
      return keyed('max_value', message, { max: num(issue.maximum) });
    case 'invalid_format':
      switch (issue.format) {
        case 'date':
          return keyed('date', message);
        case 'datetime':
          return keyed('datetime', message);
        case 'url':
          return keyed('url', message);
        case 'email':
          return keyed('email', message);
        default:
          return keyed('format', message);
      }
    case 'invalid_value':
      return keyed('invalid_option', message);
    case 'not_multiple_of':
      return keyed('whole_number', message);
    default:
      return keyed('invalid', message);
  }
}
