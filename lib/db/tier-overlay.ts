import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import type Dexie from 'dexie';
import { tablesOnce } from './tables-once';
import type { Tier } from '../schema';
import type { TierHistoryEntry } from '../score';

/**
 * What one page of a re-score decided, in one row (Dexie v6 tierBatches), for the leads whose score moved:
 * their new score, the tier now in force where it changed, and the tier history entry. Writing one row per page
 * instead of a row per lead is what lets 100,000 leads be re-scored in seconds (bench/page/main.ts: a small row
 * costs about as much to write as a thousand-lead batch). The batch is folded into the per-lead rows (tierStates,
 * leadHistory, the lead's own tier) afterwards, in the background, and deleted.
 */
export interface TierBatchRow {
  /** UUIDv7: batches fold in the order they were written. */
  id: string;
  at: string;
  leadIds: string[];
  /** Parallel to leadIds. */
  scored: Array<{ tier: Tier; total: number }>;
  /** The tier in force after the re-score, where it may differ from the lead's stored tier; else null. */
  tiers: Array<Tier | null>;
  /** The tier history entry where the scored tier changed, with the id its leadHistory row will have. */
  entries: Array<PendingHistoryEntry | null>;
}

export interface PendingHistoryEntry {
  id: string;
  entry: TierHistoryEntry;
}

export interface PendingScore {
  batchId: string;
  /** When the batch was scored: a lead row or tier state written later is newer than it. */
  at: string;
  scored: { tier: Tier; total: number; at: string } | null;
  tier: Tier | null;
}

/**
 * The re-score results not yet folded into the per-lead rows, in memory, so that every read sees them at once:
 * a lead read from the leads table carries its new tier, and HistoryStore adds the new score and history entry
 * to the stored tier state. Rebuilt from the tierBatches rows when the database opens (a worker that stopped
 * mid-fold). A write of a lead row or a tier state row makes that row authoritative again.
 */
export class TierOverlay {
  private readonly scores = new Map<string, PendingScore>();
  private readonly entries = new Map<string, Array<PendingHistoryEntry & { batchId: string }>>();

  get pendingLeads(): number {
    return this.scores.size;
  }

  /** The pending tier of a lead row last written at `updatedAt` (a row written after the re-score keeps its own). */
  tierOf(leadId: string, updatedAt?: string): Tier | null {
    const pending = this.scores.get(leadId);
    return pending && !(updatedAt !== undefined && updatedAt > pending.at) ? pending.tier : null;
  }

  /** The pending score, unless `stored` (the tier state row's) was scored after the batch. */
  scoredOf(leadId: string, stored?: { at: string } | null): PendingScore['scored'] {
    const scored = this.scores.get(leadId)?.scored ?? null;
    return scored && !(stored && stored.at > scored.at) ? scored : null;
  }

  pendingOf(leadId: string): PendingScore | undefined {
    return this.scores.get(leadId);
  }

  historyOf(leadId: string): PendingHistoryEntry[] {
    return (this.entries.get(leadId) ?? []).map(({ id, entry }) => ({ id, entry }));
  }

  /** A batch's results; later batches replace an earlier one's score of the same lead. */
  add(batch: TierBatchRow): void {
    batch.leadIds.forEach((leadId, i) => {
      const previous = this.scores.get(leadId);
      const scored = batch.scored[i] ? { ...batch.scored[i], at: batch.at } : null;
      this.scores.set(leadId, { batchId: batch.id, at: batch.at, scored, tier: batch.tiers[i] ?? previous?.tier ?? null });
      const pending = batch.entries[i];
      if (pending) this.entries.set(leadId, [...(this.entries.get(leadId) ?? []), { ...pending, batchId: batch.id }]);
    });
  }

  /** The lead's row was written: the tier on it is the one in force. */
  dropTier(leadId: string): void {
    const pending = this.scores.get(leadId);
    if (pending) pending.tier = null;
  }

  /** The lead's tier state row was written (its score is newer than the batch's). */
  dropScored(leadId: string): void {
    const pending = this.scores.get(leadId);
    if (pending) pending.scored = null;
  }

  /** The batch was folded into the per-lead rows: what it alone still held is gone from memory too. */
  settle(batch: TierBatchRow): void {
    for (const leadId of batch.leadIds) {
      if (this.scores.get(leadId)?.batchId === batch.id) this.scores.delete(leadId);
      const left = (this.entries.get(leadId) ?? []).filter((pending) => pending.batchId !== batch.id);
      if (left.length > 0) this.entries.set(leadId, left);
      else this.entries.delete(leadId);
    }
  }

  async load(db: Dexie): Promise<void> {
    this.scores.clear();
    this.entries.clear();
    const batches: TierBatchRow[] = await db.table('tierBatches').toArray();
    for (const batch of batches) this.add(batch);
  }
}

/**
 * Reads of the leads table carry the pending tier; writes of a lead row end it. Installed below the sync capture
 * (lower level), so a re-scored tier is not sent to the server as a change: every device re-scores for itself.
 */
export function installTierOverlay(db: Dexie, overlay: TierOverlay): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-tier-overlay',
    level: 5,
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table: tablesOnce((name) => {
          const table = down.table(name);
          if (name === 'leads') return leadsWithOverlay(table, overlay);
          if (name === 'tierStates') return { ...table, mutate: (req) => (forEachKey(req, (key) => overlay.dropScored(key)), table.mutate(req)) };
          return table;
        }),
      };
    },
  });
}

function leadsWithOverlay(table: DBCoreTable, overlay: TierOverlay): DBCoreTable {
  type Row = { id?: string; tier?: Tier | null; updatedAt?: string } | undefined;
  const withTier = <T extends Row>(row: T): T => {
    if (overlay.pendingLeads === 0 || !row?.id) return row;
    const tier = overlay.tierOf(row.id, row.updatedAt);
    return tier === null || tier === row.tier ? row : { ...row, tier };
  };
  return {
    ...table,
    mutate: (req) => (forEachKey(req, (key) => overlay.dropTier(key)), table.mutate(req)),
    // .then on the promises the layer below returns (not async functions): native promises between IndexedDB
    // requests let Dexie's transaction commit too early.
    get: (req) => table.get(req).then(withTier),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(withTier)),
    query: (req) =>
      table.query(req).then((response) => (req.values && overlay.pendingLeads > 0 ? { ...response, result: response.result.map(withTier) } : response)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => {
        // Nothing pending (the usual case): the cursor as it is, without a proxy in every step of the walk.
        if (!cursor || !req.values || overlay.pendingLeads === 0) return cursor;
        // A proxy, not Object.create over the cursor: in Chromium it is the native IDBCursor, whose methods and
        // getters throw "Illegal invocation" when called with any other `this`.
        return new Proxy(cursor, {
          get: (target, property) => {
            if (property === 'value') return withTier(target.value);
            const member: unknown = Reflect.get(target, property, target);
            return typeof member === 'function' ? member.bind(target) : member;
          },
        });
      }),
  };
}

function forEachKey(req: { type: string; keys?: unknown[]; values?: readonly unknown[] }, drop: (key: string) => void): void {
  const keys = req.keys ?? (req.values ?? []).map((value) => (value as { id?: unknown; leadId?: unknown }).id ?? (value as { leadId?: unknown }).leadId);
  for (const key of keys) if (typeof key === 'string') drop(key);
}
