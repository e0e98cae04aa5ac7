import { formatHlc, tickHlc, type HlcState } from '../clock';
import type { Hlc } from '../schema';
import type { SidecarDatabase } from './database';
import { cacheOf, forgetOnAbort } from './write-cache';

const CLOCK_KEY = 'clock';
/**
 * The clock is stored as a lease: a stamp this far ahead of the last one issued. A restarted service worker
 * resumes from the lease, above every stamp issued before, so a save needs a clock write only once a minute.
 */
const LEASE_MS = 60_000;

interface DeviceClock {
  state: HlcState;
  leasedUntil: number;
}

/**
 * The device's clock stamp for the next write. Must be called inside a read-write transaction that includes
 * the meta table: the lease is renewed in the same transaction as the write that needs it.
 */
export async function nextStamp(db: SidecarDatabase, now: number): Promise<Hlc> {
  const cache = cacheOf(db);
  let clock = cache.get(CLOCK_KEY) as DeviceClock | undefined;
  if (!clock) {
    const stored = (await db.meta.get(CLOCK_KEY))?.value as HlcState | undefined;
    // Another save of this transaction's kind may have loaded it while this one waited for the read.
    clock = (cache.get(CLOCK_KEY) as DeviceClock | undefined) ?? { state: stored ?? { millis: 0, counter: 0, node: newNodeId() }, leasedUntil: stored?.millis ?? 0 };
    cache.set(CLOCK_KEY, clock);
  }
  clock.state = tickHlc(clock.state, now);
  if (clock.state.millis >= clock.leasedUntil) {
    clock.leasedUntil = clock.state.millis + LEASE_MS;
    forgetOnAbort(db, CLOCK_KEY);
    await db.meta.put({ key: CLOCK_KEY, value: { ...clock.state, millis: clock.leasedUntil, counter: 0 } satisfies HlcState });
  }
  return formatHlc(clock.state);
}

function newNodeId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
