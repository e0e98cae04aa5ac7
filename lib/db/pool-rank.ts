import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type Dexie from 'dexie';
import { tablesOnce } from './tables-once';
import type { Tier } from '../schema';

/** The fields of a lead that decide whether it is in the team's pool (公海) and where it ranks there. */
export interface PoolFields {
  id: string;
  ownerId: string | null;
  deletedAt: string | null;
  tier: Tier | null;
  updatedAt: string;
}

const TIER_ORDER: Record<Tier, string> = { S: '1', A: '2', B: '3', C: '4' };
const UNSCORED = '5';
/** Larger than any millisecond time a lead can carry (year 2286), so the inverted time stays 13 digits. */
const LATEST = 9_999_999_999_999;

/**
 * The local-only index key of a lead in the pool (Dexie v8 `poolRank`): present only on live unowned leads, so
 * the pool is read from its own index instead of a walk over every lead (IndexedDB does not index a null
 * ownerId). Keys sort best first: tier S, A, B, C, then unscored; within a tier the most recently updated; the
 * id last, which makes every key unique, so a page ends at a key and the next page starts after it.
 */
export function poolRankOf(lead: PoolFields): string | undefined {
  if (lead.ownerId !== null || lead.deletedAt !== null) return undefined;
  const millis = Date.parse(lead.updatedAt);
  const inverted = String(LATEST - (Number.isFinite(millis) ? Math.max(0, Math.min(millis, LATEST)) : 0)).padStart(13, '0');
  return `${lead.tier ? TIER_ORDER[lead.tier] : UNSCORED}${inverted}:${lead.id}`;
}

/** The row with its pool key as its fields say: added, corrected or removed; the same object when already right. */
export function withPoolRank<T extends PoolFields & { poolRank?: string }>(row: T): T {
  const rank = poolRankOf(row);
  if (row.poolRank === rank) return row;
  if (rank !== undefined) return { ...row, poolRank: rank };
  const { poolRank: _stale, ...rest } = row;
  return rest as T;
}

/**
 * Every write of a lead row gets its pool key from the row's own fields, whichever code wrote it: LeadStore and the
 * sync store's pulls (toRow already sets it, so those rows pass unchanged), the fold of re-scored tiers (which
 * rebuilds rows from their synced fields), upgrades. A teammate's claim pulled here takes the lead out of the pool.
 * Installed at the lowest level, below the change capture and the tier overlay, so it sees the row as stored.
 *
 * The key uses the tier stored on the row: a re-score not yet folded into the rows (tier-overlay.ts) may have a
 * newer tier, so for a while the pool can be ordered by a slightly stale tier. That is acceptable: the fold runs
 * soon after, and its write of the row corrects the key.
 */
export function installPoolRank(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-pool-rank',
    level: 1,
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table: tablesOnce((name) => {
          const table = down.table(name);
          return name === 'leads' ? leadsWithPoolRank(table) : table;
        }),
      };
    },
  });
}

function leadsWithPoolRank(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type !== 'put' && req.type !== 'add') return table.mutate(req);
      let changed = false;
      const values = req.values.map((value: PoolFields & { poolRank?: string }) => {
        const next = isLeadRow(value) ? withPoolRank(value) : value;
        if (next !== value) changed = true;
        return next;
      });
      return table.mutate(changed ? { ...req, values } : req);
    },
  };
}

function isLeadRow(value: unknown): value is PoolFields & { poolRank?: string } {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Partial<PoolFields>;
  return typeof row.id === 'string' && row.ownerId !== undefined && row.deletedAt !== undefined && typeof row.updatedAt === 'string';
}
