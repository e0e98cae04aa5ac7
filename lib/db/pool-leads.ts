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
 * count, however many leads are stored. With a query the name index is read instead (one request for the leads
 * whose name matches the prefix) and those in the pool are ordered here: the work grows with the matches.
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

async function searchPool(db: SidecarDatabase, prefix: string, limit: number, after: string | undefined): Promise<PoolPage> {
  // toArray on a plain range is one getAll; a Dexie filter or distinct would walk a cursor, a round trip per row.
  const matches = await db.leads.where('searchKeys').startsWith(prefix).toArray();
  const pooled = [...new Map(matches.filter((row) => row.poolRank !== undefined).map((row) => [row.id, row])).values()];
  pooled.sort((a, b) => (a.poolRank! < b.poolRank! ? -1 : 1));
  return page(
    pooled.filter((row) => !after || row.poolRank! > after),
    limit,
    pooled.length,
  );
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
