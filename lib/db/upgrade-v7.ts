import type { Transaction } from 'dexie';
import { formatHlc, type HlcState } from '../clock';
import { mutationFor } from '../sync/local-change';
import type { Lead } from '../schema';
import type { TierStateRow } from './history-rows';
import { OUTBOX_TABLE, withoutLocalFields, type OutboxRow } from './sync-rows';

/**
 * v7: a manager's tier override is a field of the lead (Lead.tierOverride), synced to the team, instead of living
 * only in this browser's tier state. Each override in force moves onto its lead, stamped at the time it was made
 * (so a teammate's later override still wins the merge), and is queued for the team like any later change. The
 * tier state keeps its copy, and the tier history stays as it was.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const states = ((await tx.table('tierStates').toArray()) as TierStateRow[]).filter((row) => row.override !== null);
  if (states.length === 0) return;
  const clock = (await tx.table('meta').get('clock'))?.value as HlcState | undefined;
  const node = clock?.node ?? 'upgrade-v7';
  const leads = (await tx.table('leads').bulkGet(states.map((row) => row.leadId))) as Array<(Lead & Record<string, unknown>) | undefined>;
  const moved: Lead[] = [];
  const queued: OutboxRow[] = [];
  states.forEach(({ override }, i) => {
    const lead = leads[i];
    if (!lead || lead.deletedAt !== null || lead.tierOverride) return;
    const stamp = formatHlc({ millis: Date.parse(override!.at), counter: 0, node });
    const after = { ...lead, tierOverride: override, versions: { ...lead.versions, tierOverride: stamp } };
    moved.push(after);
    const mutation = mutationFor('leads', withoutLocalFields('leads', lead), withoutLocalFields('leads', after));
    if (mutation) queued.push({ mutation });
  });
  await tx.table('leads').bulkPut(moved);
  // Upgrades queue what they move themselves (the change capture leaves versionchange transactions alone).
  await tx.table(OUTBOX_TABLE).bulkAdd(queued);
}
