import type { MetaRow, SidecarDatabase } from './database';
import { cacheOf, type TransactionEnd } from './write-cache';

/**
 * The stored sequence is a lease, like the clock's: no code above it was ever handed out, and it is written
 * only once per this many new leads, so that most saves take their code without a write. A restarted
 * service worker finds the last code really used inside the lease on the leads' code index, so the codes
 * run on without a gap.
 */
export const CODE_LEASE = 100;

interface CodeSequence {
  last: number;
  /** Codes up to here are covered by a lease some transaction has committed. */
  durableUpTo: number;
}

export const formatLeadCode = (year: number, sequence: number) => `LX${year}${String(sequence).padStart(3, '0')}`;
const keyOf = (year: number) => `leadCodeSequence:${year}`;

export function areLeadCodesLoaded(db: SidecarDatabase, year: number): boolean {
  return cacheOf(db).has(keyOf(year));
}

/** Reads the year's sequence into memory, once per database instance. */
export async function loadLeadCodes(db: SidecarDatabase, year: number): Promise<void> {
  if (areLeadCodesLoaded(db, year)) return;
  const durableUpTo = ((await db.meta.get(keyOf(year)))?.value as number | undefined) ?? 0;
  const last = await lastCodeUsed(db, year, durableUpTo);
  // Another writer may have loaded it while this one waited for the reads.
  if (!areLeadCodesLoaded(db, year)) cacheOf(db).set(keyOf(year), { last, durableUpTo } satisfies CodeSequence);
}

/**
 * Takes the next human-readable code, LX + year + a three-digit (or longer) sequence, as teams write them
 * (shared/domain.md §1), for a lead about to be written: taken at once, so two saves never get the same one.
 * Past the committed lease, a new lease is returned, to be stored in the same transaction as the lead (every
 * such save stores one until one commits). A rolled-back save gives its code back when no code was taken
 * after it; otherwise that one number is skipped, never handed out twice.
 */
export function takeLeadCode(db: SidecarDatabase, year: number, end: TransactionEnd): { code: string; lease: MetaRow | null } {
  const key = keyOf(year);
  const sequence = cacheOf(db).get(key) as CodeSequence | undefined;
  if (!sequence) throw new Error('The lead code sequence was not loaded before this write.');
  const taken = ++sequence.last;
  end.onAbort(() => {
    if (sequence.last === taken) sequence.last = taken - 1;
  });
  if (taken <= sequence.durableUpTo) return { code: formatLeadCode(year, taken), lease: null };
  const upTo = taken + CODE_LEASE - 1;
  end.onCommit(() => (sequence.durableUpTo = Math.max(sequence.durableUpTo, upTo)));
  return { code: formatLeadCode(year, taken), lease: { key, value: upTo } };
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
