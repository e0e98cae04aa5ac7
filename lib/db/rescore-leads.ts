import { applyLeadPatch } from '../leads';
import { effectiveTier, recordScore, scoreLead } from '../score';
import type { Activity, Contact, TeamSettings } from '../schema';
import { toLead } from './company-lookup';
import type { LeadRow, SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import { markServerApply } from './sync-capture';
import { TierStateRow } from './history-rows';
import { v7 as uuidv7 } from 'uuid';

export interface RescoreProgress {
  /** Leads looked at so far (tombstones included), of `total`. */
  done: number;
  total: number;
  /** Leads whose tier moved. */
  changed: number;
  /** The last lead id handled: a run that stopped resumes after it. */
  cursor: string | null;
}

export interface RescoreOptions {
  now?: () => Date;
  /** Leads per transaction: small enough that a rep's save waits at most one page, large enough to be fast. */
  pageSize?: number;
  /** Resume after this lead id (RescoreProgress.cursor of a run that stopped). */
  after?: string | null;
  onProgress?: (progress: RescoreProgress) => void | Promise<void>;
}

const DEFAULT_PAGE_SIZE = 250;

/**
 * Scores every lead again with `settings` (after the team changed its weights or thresholds) and stores the
 * tiers that moved, with their history; a manager's override stays in force. Works page by page in lead id
 * order, each page read, scored and written in one transaction so that an edit the rep makes meanwhile is never
 * overwritten, and yields between pages so the background keeps answering the popup and sidebar.
 */
export async function rescoreLeads(db: SidecarDatabase, settings: TeamSettings, options: RescoreOptions = {}): Promise<RescoreProgress> {
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const progress: RescoreProgress = { done: 0, total: await db.leads.count(), changed: 0, cursor: options.after ?? null };
  if (progress.cursor) progress.done = await db.leads.where(':id').belowOrEqual(progress.cursor).count();
  for (;;) {
    const handled = await db.transaction('rw', [db.leads, db.contacts, db.activities, db.tierStates, db.leadHistory, db.meta], (trans) => {
      // A tier is derived from the lead's facts and the team's settings, which every device has: each device
      // re-scores for itself, so these writes are not queued for the server (100,000 leads would otherwise
      // mean as many pushes from every device of the team).
      markServerApply(trans.idbtrans);
      return rescorePage(db, settings, progress.cursor, pageSize, now());
    });
    if (handled.count === 0) break;
    progress.done += handled.count;
    progress.changed += handled.changed;
    progress.cursor = handled.last;
    await options.onProgress?.({ ...progress });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return progress;
}

async function rescorePage(
  db: SidecarDatabase,
  settings: TeamSettings,
  after: string | null,
  pageSize: number,
  at: Date,
): Promise<{ count: number; changed: number; last: string | null }> {
  const page = await (after === null ? db.leads.orderBy(':id') : db.leads.where(':id').above(after)).limit(pageSize).toArray();
  if (page.length === 0) return { count: 0, changed: 0, last: after };
  const live = page.filter((row) => !row.deletedAt);
  const ids = live.map((row) => row.id);
  const [contacts, activities, states] = await Promise.all([
    db.contacts.where('leadId').anyOf(ids).toArray(),
    db.activities.where('leadId').anyOf(ids).toArray(),
    db.tierStates.bulkGet(ids),
  ]);
  const contactsOf = groupByLead(contacts.filter((contact) => !contact.deletedAt));
  const activitiesOf = groupByLead(activities.filter((activity) => !activity.deletedAt));
  const nowIso = at.toISOString();

  const rows: LeadRow[] = [];
  const tierStates: TierStateRow[] = [];
  const history: Array<{ id: string; leadId: string; kind: 'tier'; at: string; entry: unknown }> = [];
  let stamp: string | null = null;
  for (const [i, row] of live.entries()) {
    const lead = toLead(row);
    const score = scoreLead({ lead, contacts: contactsOf.get(row.id) ?? [], activities: activitiesOf.get(row.id) ?? [] }, settings, nowIso);
    const stored = states[i];
    const before = { scored: stored?.scored ?? null, override: stored?.override ?? null, history: [] };
    const after = recordScore(before, score);
    if (stored?.scored?.tier !== after.scored?.tier || stored?.scored?.total !== after.scored?.total) {
      tierStates.push({ leadId: row.id, scored: after.scored, override: after.override });
    }
    for (const entry of after.history) history.push({ id: uuidv7(), leadId: row.id, kind: 'tier', at: entry.at, entry });
    const tier = effectiveTier(after) ?? score.tier;
    if (tier === row.tier) continue;
    stamp ??= await nextStamp(db, at.getTime());
    // Only the tier, its version and updatedAt change, all to valid values, so the row is not validated again
    // (validating 100,000 leads would take most of the time budget).
    const next = applyLeadPatch(lead, { tier }, stamp, nowIso, {});
    rows.push({ ...next, searchKeys: row.searchKeys, nameKeys: row.nameKeys });
  }
  await Promise.all([db.leads.bulkPut(rows), db.tierStates.bulkPut(tierStates), db.leadHistory.bulkAdd(history as never[])]);
  return { count: page.length, changed: rows.length, last: page.at(-1)!.id };
}

function groupByLead<T extends Contact | Activity>(records: T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const record of records) {
    const list = byLead.get(record.leadId);
    if (list) list.push(record);
    else byLead.set(record.leadId, [record]);
  }
  return byLead;
}
