import type { Transaction } from 'dexie';
import { poolRankOf, type PoolFields } from './pool-rank';

/** Leads read per step of the upgrade: 100,000 leads are never held in memory at once. */
const PAGE = 2_000;

/**
 * v8: the team pool's key (pool-rank.ts) on every stored live unowned lead. Reads the leads a page at a time in
 * primary-key order and writes back only those in the pool: a local-only key, so nothing is queued for the team
 * (and the change capture leaves versionchange transactions alone).
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const leads = tx.table('leads');
  let after: string | null = null;
  for (;;) {
    const page: Array<PoolFields & { poolRank?: string }> = await (after === null ? leads.orderBy(':id') : leads.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return;
    const pooled = page.flatMap((row) => {
      const poolRank = poolRankOf({ ...row, tier: row.tier ?? null, ownerId: row.ownerId ?? null, deletedAt: row.deletedAt ?? null });
      return poolRank === undefined ? [] : [{ ...row, poolRank }];
    });
    if (pooled.length > 0) await leads.bulkPut(pooled);
    after = page[page.length - 1]!.id;
  }
}
