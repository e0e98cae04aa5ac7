import type { Collection, Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { TeamSettings, Tier } from '../schema';
import { effectiveTier, recordScore, type TierState } from '../score';
import { scoreTotalOf } from '../score/score-facts';
import type { SidecarDatabase } from './database';
import { refreshStaleFacts } from './score-inputs';
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

const DEFAULT_PAGE_SIZE = 2000;

/**
 * Scores every lead again with `settings` (after the team changed its weights or thresholds); a manager's
 * override stays in force. Reads each lead's score facts (one small row, Dexie v6 scoreInputs; first taken again
 * from the records of leads written since, refreshStaleFacts) rather than the lead, its contacts and activities, and writes what moved as one batch row per page (tier-overlay.ts), which
 * every read of a tier sees at once; foldRescoredTiers then brings the per-lead rows in step in the background.
 * Works page by page in lead id order, each page one short transaction (a rep's save meanwhile waits at most one
 * page and is never overwritten), yielding between pages so the background keeps answering the popup and sidebar.
 */
export async function rescoreLeads(db: SidecarDatabase, settings: TeamSettings, options: RescoreOptions = {}): Promise<RescoreProgress> {
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  await refreshStaleFacts(db);
  // Every stored lead has a facts row (tombstones included), in lead id order.
  const progress: RescoreProgress = { done: 0, total: await db.scoreInputs.count(), changed: 0, cursor: options.after ?? null };
  if (progress.cursor) progress.done = await db.scoreInputs.where(':id').belowOrEqual(progress.cursor).count();
  // The pages' bounds up front, so that each page reads its facts and tier states at once; the last page runs to
  // the end, taking in leads stored meanwhile.
  const keys = await inRange(db.scoreInputs, progress.cursor, null).primaryKeys();
  for (let start = 0; start < keys.length; start += pageSize) {
    const upTo = start + pageSize < keys.length ? keys[start + pageSize - 1]! : null;
    // The leads table is in the scope (not written) so that a rep's save never falls between a page's read and
    // its batch: the save either comes first (and is scored here) or after (and is newer than the batch).
    const handled = await db.transaction('rw', [db.leads, db.scoreInputs, db.tierStates, db.tierBatches], () =>
      rescorePage(db, settings, progress.cursor, upTo, now()),
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

/** The rows of a table keyed by lead id after `after` (all when null), up to and including `upTo` (or to the end). */
function inRange<T, I>(table: Table<T, string, I>, after: string | null, upTo: string | null): Collection<T, string, I> {
  const ids = table.where(':id');
  if (after === null) return upTo === null ? table.toCollection() : ids.belowOrEqual(upTo);
  return upTo === null ? ids.above(after) : ids.between(after, upTo, false, true);
}

async function rescorePage(
  db: SidecarDatabase,
  settings: TeamSettings,
  after: string | null,
  upTo: string | null,
  at: Date,
): Promise<{ count: number; changed: number; last: string | null }> {
  const [page, stored] = await Promise.all([inRange(db.scoreInputs, after, upTo).toArray(), inRange(db.tierStates, after, upTo).toArray()]);
  if (page.length === 0) return { count: 0, changed: 0, last: after };
  const last = page.at(-1)!.leadId;
  const facts = page;
  const states = new Map(stored.map((row) => [row.leadId, row]));

  const nowIso = at.toISOString();
  const batch: TierBatchRow = { id: uuidv7(), at: nowIso, leadIds: [], scored: [], tiers: [], entries: [] };
  let changed = 0;
  for (const { leadId, facts: leadFacts } of facts) {
    if (!leadFacts) continue;
    const state = states.get(leadId);
    const scored = db.tierOverlay.scoredOf(leadId, state?.scored) ?? state?.scored ?? null;
    const score = scoreTotalOf(leadFacts, settings, nowIso);
    if (scored?.tier === score.tier && scored.total === score.total) continue;
    const before: TierState = { scored, override: state?.override ?? null, history: [] };
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
  return { count: page.length, changed, last };
}
