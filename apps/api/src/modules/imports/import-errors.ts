import { IMPORT_ERRORS, type ErrorCode, type KeyedMessage, type MessageParams } from '@rabta/domain';
import { AppException } from '../../common/errors/app-exception';

// An import's answers about a whole file or a commit: the API's error shape with the message's `key` and `params`
// beside it (packages/domain/src/messages.ts), so a client can say it in its own language.

export function keyedError(
  code: ErrorCode,
  message: KeyedMessage,
  errors?: Record<string, string>,
  extra: Record<string, unknown> = {},
): AppException {
  return new AppException(code, message.message, errors, { ...extra, key: message.key, params: message.params });
}

export function importError(
  code: ErrorCode,
  name: Parameters<typeof IMPORT_ERRORS.message>[0],
  params: MessageParams = {},
  errors?: Record<string, string>,
  extra?: Record<string, unknown>,
): AppException {
  return keyedError(code, IMPORT_ERRORS.message(name, params), errors, extra);
}
