/** Every failure crosses extension contexts as a value with one of these codes, never as a thrown error. */
export const ErrorCode = {
  InvalidMessage: 'INVALID_MESSAGE',
  UnknownMessage: 'UNKNOWN_MESSAGE',
  InvalidLead: 'INVALID_LEAD',
  NotFound: 'NOT_FOUND',
  Storage: 'STORAGE_FAILED',
  Unreachable: 'BACKGROUND_UNREACHABLE',
  PageUnsupported: 'PAGE_UNSUPPORTED',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorValue };

/** A failure that a handler means to report with its code; anything else reports as INTERNAL. */
export class SidecarError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SidecarError';
  }
}
