import { httpStatusOf, keyOfMessage, type ApiError, type ErrorCode, type KeyedMessage } from '@rabta/domain';

/** The one exception services throw. `extra` adds fields to the body (e.g. the current record on a 409). */
export class AppException extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppException';
    this.status = httpStatusOf(code);
  }

  /** A validation error as zodToApiError words it, keys included. */
  static of(err: ApiError): AppException {
    return new AppException(err.code, err.message, err.errors, err.fieldErrors ? { fieldErrors: err.fieldErrors } : {});
  }

  toBody(): ApiError {
    return {
      ...this.extra,
      statusCode: this.status,
      code: this.code,
      message: this.message,
      ...(this.errors ? { errors: this.errors, fieldErrors: this.fieldErrors() } : {}),
    };
  }

  /** The keyed form of `errors`: given (from zod issues), else the fixed sentences' keys; unkeyed fields left out. */
  private fieldErrors(): Record<string, KeyedMessage> {
    const given = (this.extra?.fieldErrors ?? {}) as Record<string, KeyedMessage>;
    const out: Record<string, KeyedMessage> = {};
    for (const [field, message] of Object.entries(this.errors ?? {})) {
      const keyed = given[field] ?? keyOfMessage(message);
      if (keyed) out[field] = keyed;
    }
    return out;
  }

  static notFound(what: string, id?: unknown): AppException {
    return new AppException('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${String(id)} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): AppException {
    return new AppException('FORBIDDEN', message);
  }
}
