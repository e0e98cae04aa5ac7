import { formatHlc, tickHlc, type HlcState } from '../clock';
import type { Hlc } from '../schema';
import type { SidecarDatabase } from './database';

const CLOCK_KEY = 'clock';

/**
 * The device's clock stamp for the next write, persisted in the same transaction as the write so that
 * a service worker restarted mid-session never issues a stamp lower than one already stored.
 * Must be called inside a read-write transaction that includes the meta table.
 */
export async function nextStamp(db: SidecarDatabase, now: number): Promise<Hlc> {
  const stored = (await db.meta.get(CLOCK_KEY))?.value as HlcState | undefined;
  const state = tickHlc(stored ?? { millis: 0, counter: 0, node: newNodeId() }, now);
  await db.meta.put({ key: CLOCK_KEY, value: state });
  return formatHlc(state);
}

function newNodeId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
