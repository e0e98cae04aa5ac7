import { v7 as uuidv7 } from 'uuid';
import { applyLeadPatch } from '../leads';
import { Lead, type LeadTierOverride } from '../schema';
import { followSyncedOverride, type TierState } from '../score';
import { toLead } from './company-lookup';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import type { LeadHistoryRow, TierStateRow } from './history-rows';
import { toRow } from './lead-store';

/**
 * Writes a manager's override (or its lifting) onto the lead itself, stamped like any rep's edit, so that the
 * change capture queues it for the team and every teammate's device shows it (issue 4). The tier state and tier
 * history follow from the lead (LeadTracker.afterWrite, followSyncedOverride). Undefined when the lead is gone.
 */
export async function writeTierOverride(db: SidecarDatabase, leadId: string, value: LeadTierOverride, now: Date): Promise<Lead | undefined> {
  return db.transaction('rw', [db.leads, db.meta], async () => {
    const row = await db.leads.get(leadId);
    if (!row || row.deletedAt) return undefined;
    const stamp = await nextStamp(db, now.getTime());
    const lead = Lead.parse(applyLeadPatch(toLead(row), { tierOverride: value }, stamp, now.toISOString()));
    await db.leads.put(toRow(lead));
    return lead;
  });
}

/**
 * For many leads at once (a large sync pull, which re-scores every lead instead of saving each): brings each
 * lead's tier state and history in step with the override on the lead, as LeadTracker.afterWrite does for one.
 * Reads the leads and tier states a chunk at a time and writes only those whose override changed. Returns how many.
 */
export async function followSyncedOverrides(db: SidecarDatabase, leadIds: readonly string[], now: Date, chunkSize = 500): Promise<number> {
  let changed = 0;
  for (let start = 0; start < leadIds.length; start += chunkSize) {
    const ids = leadIds.slice(start, start + chunkSize);
    changed += await db.transaction('rw', [db.leads, db.tierStates, db.leadHistory], async () => {
      const [leads, states] = await Promise.all([db.leads.bulkGet(ids), db.tierStates.bulkGet(ids)]);
      const stateRows: TierStateRow[] = [];
      const history: LeadHistoryRow[] = [];
      ids.forEach((leadId, i) => {
        const lead = leads[i];
        if (!lead || lead.deletedAt) return;
        const stored = states[i];
        const before: TierState = { scored: db.tierOverlay.scoredOf(leadId, stored?.scored) ?? stored?.scored ?? null, override: stored?.override ?? null, history: [] };
        const after = followSyncedOverride(before, lead.tierOverride, now.toISOString());
        if (after === before) return;
        stateRows.push({ leadId, scored: after.scored, override: after.override });
        for (const entry of after.history) history.push({ id: uuidv7(), leadId, kind: 'tier', at: entry.at, entry });
      });
      await Promise.all([db.tierStates.bulkPut(stateRows), db.leadHistory.bulkAdd(history)]);
      return stateRows.length;
    });
  }
  return changed;
}
