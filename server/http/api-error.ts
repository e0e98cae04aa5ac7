import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API answers, with its HTTP status. Clients switch on the code; people read the message. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_owned: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}
