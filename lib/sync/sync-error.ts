/** Why a sync failed, as a code the popup can act on and a message for the rep. */
export const SyncErrorCode = {
  offline: 'offline',
  unauthorized: 'unauthorized',
  rateLimited: 'rate_limited',
  server: 'server',
  badResponse: 'bad_response',
  invalidRequest: 'invalid_request',
  /** The request was over the server's body limit (413): the engine sends fewer changes at a time. */
  tooLarge: 'too_large',
  /** Not the server's fault: the device's own step failed (its store, or a bug); retried like the rest. */
  internal: 'internal',
} as const;
export type SyncErrorCode = (typeof SyncErrorCode)[keyof typeof SyncErrorCode];

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs;
  }

  readonly retryAfterMs: number | undefined;

  /** Signing in again, not waiting, is what fixes these. */
  get needsSignIn(): boolean {
    return this.code === SyncErrorCode.unauthorized;
  }
}
