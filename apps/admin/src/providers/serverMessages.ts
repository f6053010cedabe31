// Pure (no React): the unit tests import it directly.

// react-admin translates a validation message written in this form, with its arguments.
const RA_PREFIX = '@@react-admin@@';
const withArgs = (message: string, args?: Record<string, unknown>) =>
  args ? `${RA_PREFIX}${JSON.stringify({ message, args })}` : message;

/** Server field messages (English, from the zod schemas) mapped to catalogue keys so they show in Urdu too. */
const SERVER_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Required$/i, () => 'rabta.validation.required'],
  [/^At most (\d+) characters$/, (m) => withArgs('rabta.validation.at_most', { max: Number(m[1]) })],
  [/^At least (\d+) characters$/, (m) => withArgs('rabta.validation.at_least', { min: Number(m[1]) })],
  [/^Must be a date as YYYY-MM-DD$/, () => 'rabta.validation.date'],
  [/^Must be an ISO 8601 date-time/, () => 'rabta.validation.datetime'],
  [/^Must be an http\(s\) URL$/, () => 'rabta.validation.url'],
  [/^Must be an ISO 3166-1 alpha-2 code/, () => 'rabta.validation.country_code'],
  [/^Must be an ISO 4217 code/, () => 'rabta.validation.currency'],
  [/^Letters, digits, -, _ and \. only$/, () => 'rabta.validation.code'],
  [/^Lower-case letters, digits and _/, () => 'rabta.validation.sector_code'],
  [/^Choose at least one sector$/, () => 'rabta.validation.choose_sector'],
  [/^Choose at least one country$/, () => 'rabta.validation.choose_country'],
  [/^Must not be before the start date$/, () => 'rabta.validation.date_order'],
  [/^Quote for a source that is not in sourceIds$/, () => 'rabta.validation.quote_without_source'],
  [/^Unknown field|^Unrecognized key|is not part of/i, () => 'rabta.validation.unknown_field'],
  [/^Invalid email|^Must be an email address$/i, () => 'rabta.validation.email'],
  [/^Invalid option/i, () => 'rabta.validation.invalid_option'],
  [/^Must be in the future$/, () => 'rabta.validation.future'],
];

export function translateServerMessage(message: string): string {
  for (const [re, to] of SERVER_MESSAGES) {
    const m = message.match(re);
    if (m) return to(m);
  }
  return message;
}
