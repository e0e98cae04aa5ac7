import { applyLeadPatch } from '../leads';
import { leadNextFollowUp } from '../playbook';
import type { Activity, LeadFieldsPatch, TeamSettings, Tier } from '../schema';
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
  /**
   * The team's settings (the cadence of each tier): a lead whose tier the fold writes gets the playbook's next
   * follow-up for that tier too. Without them the follow-up dates are left as they are.
   */
  teamSettings?: () => Promise<TeamSettings>;
}

/**
 * Brings the per-lead rows in step with the re-score batches (rescore-leads.ts), oldest batch first: each lead's
 * tier state and tier history rows, and the tier on the lead row where it changed. Until then every read already
 * sees the batches (tier-overlay.ts), so this runs in the background, a small chunk per transaction. A lead row or
 * tier state written after the re-score (a rep's edit, a manager's override) is newer and is left alone. A lead
 * whose tier changes gets its next follow-up again (the cadence is the tier's), reading only those leads'
 * follow-up records, so the work grows with the leads that moved, not with all of them.
 */
export async function foldRescoredTiers(db: SidecarDatabase, options: FoldOptions = {}): Promise<{ leadRows: number }> {
  const now = options.now ?? (() => new Date());
  const chunkSize = options.chunkSize ?? 100;
  let leadRows = 0;
  const settings = (await options.teamSettings?.()) ?? null;
  for (;;) {
    const batch = await db.tierBatches.orderBy(':id').first();
    if (!batch) break;
    let left = batch.leadIds.length;
    for (let start = 0; start < batch.leadIds.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, batch.leadIds.length);
      leadRows += await db.transaction('rw', [db.leads, db.meta, db.activities, db.tierStates, db.leadHistory, db.tierBatches], (trans) => {
        // A tier is derived from the lead's facts and the team's settings, which every device has: each device
        // re-scores for itself, so these writes are not queued for the server, and the facts stay as they are.
        markServerApply(trans.idbtrans);
        markDerivedWrite(trans.idbtrans);
        return foldChunk(db, batch, start, end, now(), settings);
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

async function foldChunk(db: SidecarDatabase, batch: TierBatchRow, start: number, end: number, at: Date, settings: TeamSettings | null): Promise<number> {
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
  const lastTouches = settings && rows.length > 0 ? await lastTouchOf(db, rows.map((row) => row.id)) : null;
  // Only the tier, the next follow-up, their versions and updatedAt change, all to valid values, so the row is not
  // validated again.
  const leadRows = rows.map((row) => {
    const tier = tierOf.get(row.id) as Tier;
    const patch: LeadFieldsPatch = { tier };
    if (settings && lastTouches) patch.nextFollowUpAt = leadNextFollowUp(row, tier, lastTouches.get(row.id), settings)?.dueAt ?? null;
    return { ...applyLeadPatch(toLead(row), patch, stamp!, nowIso, {}), searchKeys: row.searchKeys, nameKeys: row.nameKeys };
  });
  await Promise.all([db.tierStates.bulkPut(stateRows), db.leadHistory.bulkPut(history), db.leads.bulkPut(leadRows)]);
  return leadRows.length;
}

/** Each lead's last follow-up record, as LeadTracker reads it (activitiesOf: live records, the latest last). */
async function lastTouchOf(db: SidecarDatabase, leadIds: string[]): Promise<Map<string, Activity>> {
  const activities = await db.activities.where('leadId').anyOf(leadIds).toArray();
  const last = new Map<string, Activity>();
  for (const activity of activities) {
    if (activity.deletedAt) continue;
    const current = last.get(activity.leadId);
    // Ties keep the later record in id order, as the stable sort of activitiesOf does.
    if (!current || Date.parse(activity.occurredAt) > Date.parse(current.occurredAt) || (activity.occurredAt === current.occurredAt && activity.id > current.id)) {
      last.set(activity.leadId, activity);
    }
  }
  return last;
}
