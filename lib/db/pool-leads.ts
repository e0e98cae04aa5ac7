import type { Lead } from '../schema';
import { toLead } from './company-lookup';
import type { LeadRow, SidecarDatabase } from './database';
import { normaliseForSearch } from './search-keys';

export interface PoolQuery {
  limit: number;
  /** A prefix of any word of the name (or any part of a Chinese name), as the popup's lead search. */
  query?: string;
  /** The `next` of the previous page. */
  after?: string;
}

export interface PoolLead {
  lead: Lead;
  /** When the lead last lost its owner or, never owned, was created: by the stamp of its owner field; else null. */
  inPoolSince: string | null;
}

export interface PoolPage {
  leads: PoolLead[];
  /** How many leads of the pool match (the whole pool without a query). */
  total: number;
  /** Where the next page starts, or null on the last page. */
  next: string | null;
}

/**
 * A page of the team's pool (公海): live unowned leads, best first (tier S, A, B, C, unscored; then the most recently
 * updated), read from the pool's own index (Dexie v8 poolRank), so a page costs one request for its rows and one
 * count, however many leads are stored. With a query, the keys of the name index and of the pool index are read
 * and only the page's leads whole (searchPool).
 * The tier shown is the one in force (a re-score not yet folded in included); the order may briefly follow the
 * stored tier (pool-rank.ts).
 */
export async function poolPage(db: SidecarDatabase, { limit, query, after }: PoolQuery): Promise<PoolPage> {
  const prefix = normaliseForSearch(query ?? '').trim();
  if (prefix) return searchPool(db, prefix, limit, after);
  const pool = db.leads.where('poolRank');
  const [rows, total] = await Promise.all([(after ? pool.above(after) : pool.above('')).limit(limit + 1).toArray(), pool.above('').count()]);
  return page(rows, limit, total);
}

/** Up to this many name matches are read whole and ordered here; beyond it, the pool's own order is followed. */
const FEW_MATCHES = 300;

/**
 * Keys only first (one getAllKeys each, no lead read): the ids whose name matches. Few of them: those leads are
 * read and the pooled ones ordered here. Many (a one-letter prefix at 100,000 leads): the pool's ids in its order
 * are read instead and the matching ones picked, so only a page of leads is ever read whole.
 */
async function searchPool(db: SidecarDatabase, prefix: string, limit: number, after: string | undefined): Promise<PoolPage> {
  const matching = new Set(await db.leads.where('searchKeys').startsWith(prefix).primaryKeys());
  if (matching.size <= FEW_MATCHES) {
    const rows = (await db.leads.bulkGet([...matching])).filter((row): row is LeadRow => row?.poolRank !== undefined);
    rows.sort((a, b) => (a.poolRank! < b.poolRank! ? -1 : 1));
    return page(
      rows.filter((row) => !after || row.poolRank! > after),
      limit,
      rows.length,
    );
  }
  const pool = db.leads.where('poolRank');
  const [all, rest] = await Promise.all([pool.above('').primaryKeys(), after ? pool.above(after).primaryKeys() : null]);
  const ids = (rest ?? all).filter((id) => matching.has(id)).slice(0, limit + 1);
  const rows = (await db.leads.bulkGet(ids)).filter((row): row is LeadRow => row?.poolRank !== undefined);
  return page(rows, limit, all.filter((id) => matching.has(id)).length);
}

function page(rows: LeadRow[], limit: number, total: number): PoolPage {
  const shown = rows.slice(0, limit);
  return {
    leads: shown.map((row) => ({ lead: toLead(row), inPoolSince: inPoolSince(row) })),
    total,
    next: rows.length > limit ? (shown[shown.length - 1]!.poolRank ?? null) : null,
  };
}

/**
 * The owner field's version stamp is when it last changed (to nobody, for a lead in the pool); a lead that never
 * had its owner written has been unowned since it was created. The stamp's time is the writer's clock (an HLC).
 */
function inPoolSince(row: LeadRow): string | null {
  const stamp = row.versions.ownerId;
  const millis = stamp ? Number(stamp.slice(0, stamp.indexOf('-'))) : Date.parse(row.createdAt);
  return Number.isFinite(millis) && millis > 0 ? new Date(millis).toISOString() : null;
}
