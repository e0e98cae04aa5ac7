import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Lead, Task } from '../schema';
import type { LeadHistoryRow } from './history-rows';

/**
 * v4: the playbook. Tasks gain the kind that proposed them and when their reminder was shown (none yet). Each
 * live lead starts its stage history with the stage it is in, dated by its last update: the latest time it is
 * known to have been there (earlier moves were never recorded, and a guess would skew the sales cycle).
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('tasks')
    .toCollection()
    .modify((task: Partial<Task>) => {
      task.kind ??= null;
      task.notifiedAt ??= null;
    });
  const leads: Lead[] = await tx.table('leads').toArray();
  const rows: LeadHistoryRow[] = leads
    .filter((lead) => lead.deletedAt === null)
    .map((lead) => ({ id: uuidv7(), leadId: lead.id, kind: 'stage', at: lead.updatedAt, entry: { from: null, to: lead.stage, at: lead.updatedAt, by: null } }));
  await tx.table('leadHistory').bulkAdd(rows);
}
