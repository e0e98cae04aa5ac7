import type { SidecarDatabase } from './database';
import { cacheOf, forgetOnAbort } from './write-cache';

/** A reserved human-readable code and the write that claims it. */
export interface LeadCodeReservation {
  code: string;
  claim: () => Promise<unknown>;
}

/**
 * Reads the next human-readable code, LX + year + a three-digit (or longer) sequence, as teams write them
 * (shared/domain.md §1), without claiming it: a save that turns out to merge into an existing lead leaves
 * the sequence alone. Must run inside a read-write transaction that includes the meta table, where the
 * reading and the claim cannot be interleaved with another save.
 */
export async function reserveLeadCode(db: SidecarDatabase, year: number): Promise<LeadCodeReservation> {
  const key = `leadCodeSequence:${year}`;
  const cache = cacheOf(db);
  if (!cache.has(key)) {
    const stored = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    forgetOnAbort(db, key);
    cache.set(key, stored);
  }
  const last = cache.get(key) as number;
  const next = last + 1;
  return {
    code: `LX${year}${String(next).padStart(3, '0')}`,
    claim: () => {
      cache.set(key, next);
      forgetOnAbort(db, key);
      return db.meta.put({ key, value: next });
    },
  };
}
