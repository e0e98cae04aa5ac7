import { parseHlc } from '../clock';
import type { Hlc } from '../schema';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';

/**
 * Moves the device's clock past the server's after a pull, so that an edit made here after seeing a teammate's
 * change is stamped later than it (a device whose wall clock is behind would otherwise lose to older edits).
 */
export async function catchUpDeviceClock(db: SidecarDatabase, serverStamp: Hlc, wallNow: number): Promise<void> {
  const serverMillis = parseHlc(serverStamp).millis;
  if (serverMillis <= wallNow) return;
  await db.transaction('rw', db.meta, () => nextStamp(db, serverMillis));
}
