export { type DuplicateReason, type PossibleDuplicate } from './company-lookup';
export { DATABASE_NAME, SCHEMA_HISTORY, SidecarDatabase, type LeadRow } from './database';
export { LeadStoreError, StoreErrorCode } from './errors';
export { LeadStore, toRow, type ClipOptions, type ClipPreview } from './lead-store';
export { searchKeysFor } from './search-keys';
