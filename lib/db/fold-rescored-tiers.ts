import { applyLeadPatch } from '../leads';
import type { Tier } from '../schema';
import { toLead } from './company-lookup';
import type { LeadRow, SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import type { LeadHistoryRow, TierStateRow } from './history-rows';
import { markDerivedWrite } from './score-inputs';
import { markServerApply } from './sync-capture';
import type { TierBatchRow } from './tier-overlay';

export interface FoldOptions {
  now?: () => Date;
  /** Leads per transaction: a lead row write is the slow part, so a rep's save waits behind at most this many. */
  chunkSize?: number;
  /** Called between chunks; throwing stops the fold (what is folded stays folded, the rest stays pending). */
  onChunk?: (leadsLeft: number) => void | Promise<void>;
}

/**
 * Brings the per-lead rows in step with the re-score batches (rescore-leads.ts), oldest batch first: each lead's
 * tier state and tier history rows, and the tier on the lead row where it changed. Until then every read already
 * sees the batches (tier-overlay.ts), so this runs in the background, a small chunk per transaction. A lead row or
 * tier state written after the re-score (a rep's edit, a manager's override) is newer and is left alone.
 */
export async function foldRescoredTiers(db: SidecarDatabase, options: FoldOptions = {}): Promise<{ leadRows: number }> {
  const now = options.now ?? (() => new Date());
  const chunkSize = options.chunkSize ?? 100;
  let leadRows = 0;
  for (;;) {
    const batch = await db.tierBatches.orderBy(':id').first();
    if (!batch) break;
    let left = batch.leadIds.length;
    for (let start = 0; start < batch.leadIds.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, batch.leadIds.length);
      leadRows += await db.transaction('rw', [db.leads, db.meta, db.tierStates, db.leadHistory, db.tierBatches], (trans) => {
        // A tier is derived from the lead's facts and the team's settings, which every device has: each device
        // re-scores for itself, so these writes are not queued for the server, and the facts stay as they are.
        markServerApply(trans.idbtrans);
        markDerivedWrite(trans.idbtrans);
        return foldChunk(db, batch, start, end, now());
      });
      left -= end - start;
      if (end === batch.leadIds.length) {
        await db.tierBatches.delete(batch.id);
        db.tierOverlay.settle(batch);
      }
      await options.onChunk?.(left);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return { leadRows };
}

async function foldChunk(db: SidecarDatabase, batch: TierBatchRow, start: number, end: number, at: Date): Promise<number> {
  const ids = batch.leadIds.slice(start, end);
  const overlay = db.tierOverlay;
  // Only what this batch still holds for the lead: a later batch, or a write since, replaced the rest.
  const ours = ids.map((id) => {
    const pending = overlay.pendingOf(id);
    return pending?.batchId === batch.id ? pending : undefined;
  });
  const tiers = ids.map((id, i) => (ours[i] ? overlay.tierOf(id) : null));
  const states = await db.tierStates.bulkGet(ids);

  const stateRows: TierStateRow[] = [];
  const history: LeadHistoryRow[] = [];
  ids.forEach((leadId, i) => {
    const scored = ours[i] ? overlay.scoredOf(leadId, states[i]?.scored) : null;
    if (scored) stateRows.push({ leadId, scored, override: states[i]?.override ?? null });
    const pending = batch.entries[start + i];
    if (pending) history.push({ id: pending.id, leadId, kind: 'tier', at: pending.entry.at, entry: pending.entry });
  });

  // Reads of these rows now give what is stored, to compare with the tier the re-score put in force.
  ids.forEach((id, i) => tiers[i] && overlay.dropTier(id));
  const withTier = ids.filter((_, i) => tiers[i] !== null);
  const tierOf = new Map(ids.map((id, i) => [id, tiers[i]] as const));
  const rows = (await db.leads.bulkGet(withTier)).filter(
    (row): row is LeadRow => row !== undefined && !row.deletedAt && row.updatedAt <= batch.at && row.tier !== tierOf.get(row.id),
  );
  const nowIso = at.toISOString();
  const stamp = rows.length > 0 ? await nextStamp(db, at.getTime()) : null;
  // Only the tier, its version and updatedAt change, all to valid values, so the row is not validated again.
  const leadRows = rows.map((row) => ({ ...applyLeadPatch(toLead(row), { tier: tierOf.get(row.id) as Tier }, stamp!, nowIso, {}), searchKeys: row.searchKeys, nameKeys: row.nameKeys }));
  await Promise.all([db.tierStates.bulkPut(stateRows), db.leadHistory.bulkPut(history), db.leads.bulkPut(leadRows)]);
  return leadRows.length;
}
