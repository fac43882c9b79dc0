import type { ApiError, ErrorCode } from '../../shared/contract/define';

/**
 * An error a handler means to show the user: a code from the contract's small set and an
 * i18n key with params. Anything else thrown by a handler becomes `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly key?: string,
    readonly params?: Record<string, string | number>,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `${what} ${id} not found`, 'errors.notFound', { what });
}
