// node-polyglot ships no types; the subset we use.
declare module 'node-polyglot' {
  interface PolyglotOptions {
    locale?: string;
    phrases?: Record<string, unknown>;
    allowMissing?: boolean;
    onMissingKey?: (key: string, options: Record<string, unknown>, locale: string) => string;
  }
  export default class Polyglot {
    constructor(options?: PolyglotOptions);
    t(key: string, options?: Record<string, unknown> | number): string;
    has(key: string): boolean;
    locale(locale?: string): string;
  }
}
