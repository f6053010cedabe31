import { httpStatusOf, type ApiError, type ErrorCode } from '@rabta/domain';

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

  toBody(): ApiError {
    return {
      ...this.extra,
      statusCode: this.status,
      code: this.code,
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  static notFound(what: string, id?: unknown): AppException {
    return new AppException('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${String(id)} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): AppException {
    return new AppException('FORBIDDEN', message);
  }
}
