/** The slice of a pino logger that packages/db needs; pino loggers and console-backed stubs both fit. */
export interface DbLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: DbLogger = { info() {}, warn() {}, error() {}, debug() {} };
