import { mergeWrite, recordAsWrite, type FieldWrite } from './merge-record';
import type { MutationBody, OutboxEntry, SyncStoreTx } from './sync-store';
import { TABLE_SCHEMAS, type AnySyncRecord, type SyncTable } from './tables';

export const mutationTarget = (mutation: MutationBody): string => (mutation.op === 'put' ? String(mutation.record.id) : mutation.id);

function applyPending(table: SyncTable, base: AnySyncRecord | undefined, mutation: MutationBody, now: string): AnySyncRecord | undefined {
  if (mutation.op === 'put') {
    const record = TABLE_SCHEMAS[table].parse(mutation.record) as AnySyncRecord;
    return base ? mergeWrite(table, base, recordAsWrite(table, record), now).record : record;
  }
  if (!base) return undefined;
  const write: FieldWrite = { fields: mutation.fields, versions: mutation.versions, ...(mutation.origins ? { origins: mutation.origins } : {}) };
  return mergeWrite(table, base, write, now).record;
}

/**
 * Sets a record to the server's copy (undefined: the server has none) with the device's not yet acknowledged
 * changes to it applied on top, by the same field merge the server uses. Once those changes are pushed and
 * pulled back, the device holds exactly the server's copy.
 */
export async function rebaseRecord(tx: SyncStoreTx, table: SyncTable, id: string, server: AnySyncRecord | undefined, pending: readonly OutboxEntry[]): Promise<void> {
  let record = server;
  for (const entry of pending) {
    if (entry.mutation.table !== table || mutationTarget(entry.mutation) !== id) continue;
    record = applyPending(table, record, entry.mutation, server?.updatedAt ?? new Date(0).toISOString());
  }
  if (record) await tx.putRecord(table, record);
  else await tx.deleteRecord(table, id);
}

/** Points queued changes of a merged lead (and of its contacts, activities, tasks) at the lead that survived. */
export async function redirectPending(tx: SyncStoreTx, pending: OutboxEntry[], from: string, to: string): Promise<void> {
  for (const entry of pending) {
    const m = entry.mutation;
    let next: MutationBody | null = null;
    if (m.table === 'leads' && m.op === 'patch' && m.id === from) next = { ...m, id: to };
    else if (m.table !== 'leads' && m.op === 'put' && m.record.leadId === from) next = { ...m, record: { ...m.record, leadId: to } };
    else if (m.table !== 'leads' && m.op === 'patch' && m.fields.leadId === from) next = { ...m, fields: { ...m.fields, leadId: to } };
    if (!next) continue;
    entry.mutation = next;
    await tx.replaceMutation(entry);
    if (m.table !== 'leads') {
      const local = await tx.getRecord(m.table, mutationTarget(m));
      if (local && (local as { leadId?: string }).leadId === from) await tx.putRecord(m.table, { ...local, leadId: to } as AnySyncRecord);
    }
  }
}
