export { DATABASE_NAME, SCHEMA_HISTORY, SidecarDatabase, type LeadRow } from './database';
export { LeadStore, toRow, type ClipPreview } from './lead-store';
export { searchKeysFor } from './search-keys';
