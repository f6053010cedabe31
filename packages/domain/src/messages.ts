// Messages a client can show in its own language. The API sends each one as a stable `key` (`area.name`), the
// `params` it was built from and the English `message`; the admin translates `rabta.messages.<key>` with the same
// params (its catalogues use the same `%{name}` placeholders) and falls back to `message` for a key it does not
// know. One catalogue of English templates per area is the single source of the English text.

/** What a message is built from: text and values as the user wrote them, codes, names, numbers. */
export type MessageParams = Record<string, string | number>;

export interface KeyedMessage<K extends string = string> {
  key: K;
  params: MessageParams;
  message: string;
}

/** Fills the `%{name}` placeholders of a template (Polyglot's syntax, as in the admin's catalogues). */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The messages of one area: `area.name` keys over English templates. `catalogue.message('name', params)` builds
 * `{key: 'area.name', params, message}`.
 */
export function messageCatalogue<A extends string, T extends Record<string, string>>(area: A, templates: T) {
  return {
    area,
    templates,
    message(name: keyof T & string, params: MessageParams = {}): KeyedMessage<`${A}.${keyof T & string}`> {
      return { key: `${area}.${name}`, params, message: formatMessage(templates[name], params) };
    },
  };
}
