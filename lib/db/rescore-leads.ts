import { v7 as uuidv7 } from 'uuid';
import type { TeamSettings, Tier } from '../schema';
import { effectiveTier, recordScore, type TierState } from '../score';
import { scoreTotalOf } from '../score/score-facts';
import type { SidecarDatabase } from './database';
import { scoreInputsRowOf, type ScoreInputsRow } from './score-inputs';
import type { TierBatchRow } from './tier-overlay';

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

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Scores every lead again with `settings` (after the team changed its weights or thresholds); a manager's
 * override stays in force. Reads each lead's score facts (one small row, Dexie v6 scoreInputs) rather than the
 * lead, its contacts and its activities, and writes what moved as one batch row per page (tier-overlay.ts), which
 * every read of a tier sees at once; foldRescoredTiers then brings the per-lead rows in step in the background.
 * Works page by page in lead id order, each page one short transaction (a rep's save meanwhile waits at most one
 * page and is never overwritten), yielding between pages so the background keeps answering the popup and sidebar.
 */
export async function rescoreLeads(db: SidecarDatabase, settings: TeamSettings, options: RescoreOptions = {}): Promise<RescoreProgress> {
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const progress: RescoreProgress = { done: 0, total: await db.leads.count(), changed: 0, cursor: options.after ?? null };
  if (progress.cursor) progress.done = await db.leads.where(':id').belowOrEqual(progress.cursor).count();
  for (;;) {
    const handled = await db.transaction('rw', [db.leads, db.contacts, db.activities, db.scoreInputs, db.tierStates, db.tierBatches], () =>
      rescorePage(db, settings, progress.cursor, pageSize, now()),
    );
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
  const inputs = await (after === null ? db.scoreInputs.orderBy(':id') : db.scoreInputs.where(':id').above(after)).limit(pageSize).toArray();
  // The page ends at its last facts row, or runs to the end when there are no more; the leads in that range
  // without facts (stored by a path that does not keep them, or changed since) are read in full.
  const upper = inputs.length === pageSize ? inputs.at(-1)!.leadId : null;
  const leadKeys = await leadKeysBetween(db, after, upper);
  if (leadKeys.length === 0) return { count: 0, changed: 0, last: after };
  const facts = await withMissingFacts(db, inputs, leadKeys);
  const states = new Map((await db.tierStates.where(':id').between(leadKeys[0]!, leadKeys.at(-1)!, true, true).toArray()).map((row) => [row.leadId, row]));

  const nowIso = at.toISOString();
  const batch: TierBatchRow = { id: uuidv7(), at: nowIso, leadIds: [], scored: [], tiers: [], entries: [] };
  let changed = 0;
  for (const { leadId, facts: leadFacts } of facts) {
    const stored = states.get(leadId);
    const scored = db.tierOverlay.scoredOf(leadId, stored?.scored) ?? stored?.scored ?? null;
    const score = scoreTotalOf(leadFacts, settings, nowIso);
    if (scored?.tier === score.tier && scored.total === score.total) continue;
    const before: TierState = { scored, override: stored?.override ?? null, history: [] };
    const next = recordScore(before, { ...score, scoredAt: nowIso });
    const tierBefore = effectiveTier(before);
    const tier = effectiveTier(next) as Tier;
    if (tier !== tierBefore) changed++;
    batch.leadIds.push(leadId);
    batch.scored.push(score);
    // Without a score before, the tier on the lead row is not known to be this one.
    batch.tiers.push(tier !== tierBefore || scored === null ? tier : null);
    const entry = next.history[0];
    batch.entries.push(entry ? { id: uuidv7(), entry } : null);
  }
  if (batch.leadIds.length > 0) {
    await db.tierBatches.add(batch);
    db.tierOverlay.add(batch);
  }
  return { count: leadKeys.length, changed, last: upper ?? leadKeys.at(-1)! };
}

/** Every lead id (tombstones included) after `after`, up to and including `upper` (or to the end). */
async function leadKeysBetween(db: SidecarDatabase, after: string | null, upper: string | null): Promise<string[]> {
  const ids = db.leads.where(':id');
  if (after === null) return (upper === null ? db.leads.toCollection() : ids.belowOrEqual(upper)).primaryKeys();
  return (upper === null ? ids.above(after) : ids.between(after, upper, false, true)).primaryKeys();
}

/**
 * The facts of every live lead of the page: the stored rows, and for a live lead without one, facts read from
 * its records (and stored for the next run). Facts rows of leads no longer stored are dropped.
 */
async function withMissingFacts(db: SidecarDatabase, inputs: ScoreInputsRow[], leadKeys: string[]): Promise<ScoreInputsRow[]> {
  const stored = new Set(leadKeys);
  const present = new Set(inputs.map((row) => row.leadId));
  const orphans = inputs.filter((row) => !stored.has(row.leadId)).map((row) => row.leadId);
  const missing = leadKeys.filter((id) => !present.has(id));
  const leads = (await db.leads.bulkGet(missing)).filter((lead) => lead !== undefined && lead.deletedAt === null);
  const ids = leads.map((lead) => lead!.id);
  const [contacts, activities] = await Promise.all([db.contacts.where('leadId').anyOf(ids).toArray(), db.activities.where('leadId').anyOf(ids).toArray()]);
  const contactsOf = groupByLead(contacts);
  const activitiesOf = groupByLead(activities);
  const read = leads.map((lead) => scoreInputsRowOf(lead!, contactsOf.get(lead!.id) ?? [], activitiesOf.get(lead!.id) ?? []));
  await Promise.all([read.length > 0 ? db.scoreInputs.bulkPut(read) : undefined, orphans.length > 0 ? db.scoreInputs.bulkDelete(orphans) : undefined]);
  if (read.length === 0 && orphans.length === 0) return inputs;
  return [...inputs.filter((row) => stored.has(row.leadId)), ...read];
}

function groupByLead<T extends { leadId: string }>(records: T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const record of records) {
    const list = byLead.get(record.leadId);
    if (list) list.push(record);
    else byLead.set(record.leadId, [record]);
  }
  return byLead;
}
