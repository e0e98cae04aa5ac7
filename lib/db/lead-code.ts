import type { SidecarDatabase } from './database';
import { cacheOf, forgetOnAbort } from './write-cache';

/** A reserved human-readable code and the write that claims it (none when the lease already covers it). */
export interface LeadCodeReservation {
  code: string;
  claim: () => Promise<unknown>;
}

/**
 * The stored sequence is a lease, like the clock's: no code above it was ever handed out, and it is written
 * only once per this many new leads, so that most saves claim their code without a write. A restarted
 * service worker finds the last code really used inside the lease on the leads' code index, so the codes
 * run on without a gap.
 */
export const CODE_LEASE = 100;

interface CodeSequence {
  last: number;
  leasedUpTo: number;
}

export const formatLeadCode = (year: number, sequence: number) => `LX${year}${String(sequence).padStart(3, '0')}`;

/**
 * Reads the next human-readable code, LX + year + a three-digit (or longer) sequence, as teams write them
 * (shared/domain.md §1), without claiming it: a save that turns out to merge into an existing lead leaves
 * the sequence alone. Must run inside a read-write transaction that includes the leads and meta tables,
 * where the reading and the claim cannot be interleaved with another save.
 */
export async function reserveLeadCode(db: SidecarDatabase, year: number): Promise<LeadCodeReservation> {
  const key = `leadCodeSequence:${year}`;
  const cache = cacheOf(db);
  if (!cache.has(key)) {
    const leasedUpTo = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    const last = await lastCodeUsed(db, year, leasedUpTo);
    forgetOnAbort(db, key);
    // Another save may have loaded it while this one waited for the reads.
    if (!cache.has(key)) cache.set(key, { last, leasedUpTo } satisfies CodeSequence);
  }
  const sequence = cache.get(key) as CodeSequence;
  const next = sequence.last + 1;
  return {
    code: formatLeadCode(year, next),
    claim: async () => {
      sequence.last = next;
      forgetOnAbort(db, key);
      if (next <= sequence.leasedUpTo) return;
      sequence.leasedUpTo = next + CODE_LEASE - 1;
      await db.meta.put({ key, value: sequence.leasedUpTo });
    },
  };
}

/**
 * The highest sequence number of the year's codes among those the lease allows (at most CODE_LEASE below it):
 * codes of one length sort like their numbers, so each length in the window is one range read, longest first.
 */
async function lastCodeUsed(db: SidecarDatabase, year: number, leasedUpTo: number): Promise<number> {
  const low = Math.max(1, leasedUpTo - CODE_LEASE + 1);
  for (let high = leasedUpTo; high >= low; ) {
    const sameLength = Math.max(low, high < 1000 ? 1 : 10 ** (String(high).length - 1));
    const prefix = `LX${year}`;
    const isCode = (code: string) => code.length === formatLeadCode(year, high).length && /^\d+$/.test(code.slice(prefix.length));
    const found = await db.leads
      .where('code')
      .between(formatLeadCode(year, sameLength), formatLeadCode(year, high), true, true)
      .reverse()
      .filter((row) => isCode(row.code))
      .first();
    if (found) return Number(found.code.slice(prefix.length));
    high = sameLength - 1;
  }
  return low - 1;
}
