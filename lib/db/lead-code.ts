import type { MetaRow, SidecarDatabase } from './database';
import { cacheOf, forgetOnAbort, type OnAbort } from './write-cache';

/**
 * The stored sequence is a lease, like the clock's: no code above it was ever handed out, and it is written
 * only once per this many new leads, so that most saves take their code without a write. A restarted
 * service worker finds the last code really used inside the lease on the leads' code index, so the codes
 * run on without a gap.
 */
export const CODE_LEASE = 100;

interface CodeSequence {
  last: number;
  leasedUpTo: number;
}

export const formatLeadCode = (year: number, sequence: number) => `LX${year}${String(sequence).padStart(3, '0')}`;
const keyOf = (year: number) => `leadCodeSequence:${year}`;

export function areLeadCodesLoaded(db: SidecarDatabase, year: number): boolean {
  return cacheOf(db).has(keyOf(year));
}

/** Reads the year's sequence into memory, once per database instance (and again after a rolled-back save). */
export async function loadLeadCodes(db: SidecarDatabase, year: number): Promise<void> {
  if (areLeadCodesLoaded(db, year)) return;
  const leasedUpTo = ((await db.meta.get(keyOf(year)))?.value as number | undefined) ?? 0;
  const last = await lastCodeUsed(db, year, leasedUpTo);
  // Another writer may have loaded it while this one waited for the reads.
  if (!areLeadCodesLoaded(db, year)) cacheOf(db).set(keyOf(year), { last, leasedUpTo } satisfies CodeSequence);
}

/**
 * Takes the next human-readable code, LX + year + a three-digit (or longer) sequence, as teams write them
 * (shared/domain.md §1), for a lead about to be written: taken at once, so two saves never get the same one.
 * When the lease runs out, the new lease is returned, to be stored in the same transaction as the lead;
 * `onAbort` is that transaction's rollback, which drops the sequence from memory so that it is read again.
 */
export function takeLeadCode(db: SidecarDatabase, year: number, onAbort: OnAbort): { code: string; lease: MetaRow | null } {
  const key = keyOf(year);
  const sequence = cacheOf(db).get(key) as CodeSequence | undefined;
  if (!sequence) throw new Error('The lead code sequence was not loaded before this write.');
  sequence.last += 1;
  forgetOnAbort(db, key, onAbort);
  if (sequence.last <= sequence.leasedUpTo) return { code: formatLeadCode(year, sequence.last), lease: null };
  sequence.leasedUpTo = sequence.last + CODE_LEASE - 1;
  return { code: formatLeadCode(year, sequence.last), lease: { key, value: sequence.leasedUpTo } };
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
