import { formatHlc, tickHlc, type HlcState } from '../clock';
import type { Hlc } from '../schema';
import type { MetaRow, SidecarDatabase } from './database';
import { cacheOf, dexieTransactionEnd, type TransactionEnd } from './write-cache';

const CLOCK_KEY = 'clock';
/**
 * The clock is stored as a lease: a stamp this far ahead of the last one issued. A restarted service worker
 * resumes from the lease, above every stamp issued before, so a save needs a clock write only once a minute.
 */
const LEASE_MS = 60_000;

interface DeviceClock {
  state: HlcState;
  /** Stamps up to here are covered by a lease some transaction has committed. */
  durableUntil: number;
}

export function isClockLoaded(db: SidecarDatabase): boolean {
  return cacheOf(db).has(CLOCK_KEY);
}

/** Reads the stored clock into memory, once per database instance. */
export async function loadClock(db: SidecarDatabase): Promise<void> {
  if (isClockLoaded(db)) return;
  const stored = (await db.meta.get(CLOCK_KEY))?.value as HlcState | undefined;
  // Another writer may have loaded it while this one waited for the read.
  if (!isClockLoaded(db)) cacheOf(db).set(CLOCK_KEY, { state: stored ?? { millis: 0, counter: 0, node: newNodeId() }, durableUntil: stored?.millis ?? 0 } satisfies DeviceClock);
}

/**
 * The next stamp of the loaded clock, and the lease to store in the same transaction when no committed lease
 * covers it yet. The clock in memory only moves forward: a rolled-back transaction leaves it as it is (a save
 * alongside may have stamped past it), and the next write stores a lease again until one commits.
 */
export function tickClock(db: SidecarDatabase, now: number, end: TransactionEnd): { stamp: Hlc; lease: MetaRow | null } {
  const clock = cacheOf(db).get(CLOCK_KEY) as DeviceClock | undefined;
  if (!clock) throw new Error('The device clock was not loaded before this write.');
  clock.state = tickHlc(clock.state, now);
  let lease: MetaRow | null = null;
  if (clock.state.millis >= clock.durableUntil) {
    const until = clock.state.millis + LEASE_MS;
    lease = { key: CLOCK_KEY, value: { ...clock.state, millis: until, counter: 0 } satisfies HlcState };
    end.onCommit(() => (clock.durableUntil = Math.max(clock.durableUntil, until)));
  }
  return { stamp: formatHlc(clock.state), lease };
}

/**
 * The device's clock stamp for the next write. Must be called inside a read-write transaction that includes
 * the meta table: the lease is renewed in the same transaction as the write that needs it.
 */
export async function nextStamp(db: SidecarDatabase, now: number): Promise<Hlc> {
  // Awaited only when it reads: a needless await inside a transaction can let IndexedDB commit it early.
  if (!isClockLoaded(db)) await loadClock(db);
  const { stamp, lease } = tickClock(db, now, dexieTransactionEnd());
  if (lease) await db.meta.put(lease);
  return stamp;
}

function newNodeId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
