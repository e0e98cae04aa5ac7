/** Why the store refused a write; the background turns these into coded errors for the UI. */
export const StoreErrorCode = {
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
} as const;
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

export class LeadStoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LeadStoreError';
  }
}
