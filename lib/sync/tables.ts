import { z } from 'zod';
import { Activity, Contact, Lead, Task } from '../schema';
import { StampMap } from './stamp-map';

/** The synced tables and the schema of a record in each; team settings sync separately. */
export const SyncTable = z.enum(['leads', 'contacts', 'activities', 'tasks']);
export type SyncTable = z.infer<typeof SyncTable>;

export const TABLE_SCHEMAS = { leads: Lead, contacts: Contact, activities: Activity, tasks: Task } as const;

export type SyncRecordOf<T extends SyncTable> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
export type AnySyncRecord = Lead | Contact | Activity | Task;

/**
 * A record as the server accepts it in a push: unknown fields are refused, not silently dropped. Its stamps
 * are checked by StampMap (the same rule as the shared schema's, in half the time of a push's validation).
 */
export const STRICT_TABLE_SCHEMAS = {
  leads: Lead.extend({ versions: StampMap }).strict(),
  contacts: Contact.extend({ versions: StampMap }).strict(),
  activities: Activity.extend({ versions: StampMap }).strict(),
  tasks: Task.extend({ versions: StampMap }).strict(),
} as const;

/** Bookkeeping that is not merged field by field (the server and the merge rules set these). */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['id', 'schemaVersion', 'teamId', 'createdAt', 'updatedAt', 'versions', 'origins', 'mergedInto']);

/** The fields of a table that carry their own version and merge independently (ownerId and deletedAt too). */
export function mergeableFields(table: SyncTable): string[] {
  return Object.keys(TABLE_SCHEMAS[table].shape).filter((field) => !BOOKKEEPING_FIELDS.has(field));
}

/** The lead a child record belongs to (contacts, activities, tasks). */
export const parentLeadId = (table: SyncTable, record: { leadId?: string }): string | null => (table === 'leads' ? null : (record.leadId ?? null));
