import type { FieldOrigin, Lead } from '../schema';
import type { MutationBody, SyncStoreTx } from './sync-store';
import type { AnySyncRecord, SyncTable } from './tables';

/**
 * The mutation that brings the server from `before` to `after`: the whole record when it is new, else the
 * fields whose version changed, each with its stamp and the versions the device had seen (so the server can
 * tell a real conflict from a later edit). Null when no versioned field changed.
 */
export function mutationFor(table: SyncTable, before: AnySyncRecord | undefined, after: AnySyncRecord): MutationBody | null {
  if (!before) return { op: 'put', table, record: after as unknown as Record<string, unknown> };
  const fields: Record<string, unknown> = {};
  const versions: Record<string, string> = {};
  const origins: Record<string, FieldOrigin> = {};
  for (const [field, version] of Object.entries(after.versions)) {
    if (before.versions[field] === version) continue;
    fields[field] = (after as Record<string, unknown>)[field];
    versions[field] = version;
    const origin = table === 'leads' ? (after as Lead).origins[field] : undefined;
    if (origin) origins[field] = origin;
  }
  if (Object.keys(versions).length === 0) return null;
  if (table === 'leads' && 'deletedAt' in versions) fields.mergedInto = (after as Lead).mergedInto;
  return {
    op: 'patch',
    table,
    id: after.id,
    fields,
    versions,
    ...(Object.keys(origins).length ? { origins } : {}),
    baseVersions: before.versions,
  };
}

/** Writes a local change and queues it for the server, in the caller's transaction (both or neither). */
export async function saveLocalChange(tx: SyncStoreTx, table: SyncTable, after: AnySyncRecord): Promise<number | null> {
  const before = await tx.getRecord(table, after.id);
  const mutation = mutationFor(table, before, after);
  await tx.putRecord(table, after);
  return mutation ? tx.appendMutation(mutation) : null;
}
