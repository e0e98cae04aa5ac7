import type { Transaction } from 'dexie';
import { mutationFor } from '../sync/local-change';
import type { AnySyncRecord } from '../sync/tables';
import { OUTBOX_TABLE, SYNCED_TABLES, withoutLocalFields, type OutboxRow } from './sync-rows';

/**
 * v5 adds the sync outbox. What the rep saved before it existed is queued as whole records, so it reaches the
 * team on the first sync after sign-in like any later change (leads first: their follow-ups refer to them).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  for (const name of SYNCED_TABLES) {
    const records = (await tx.table(name).toArray()) as AnySyncRecord[];
    const rows: OutboxRow[] = [];
    for (const record of records) {
      const mutation = mutationFor(name, undefined, withoutLocalFields(name, record));
      if (mutation) rows.push({ mutation });
    }
    await tx.table(OUTBOX_TABLE).bulkAdd(rows);
  }
}
