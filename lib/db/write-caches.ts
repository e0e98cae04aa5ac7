import type { SidecarDatabase } from './database';
import { isClockLoaded, loadClock } from './device-clock';
import { areLeadCodesLoaded, loadLeadCodes } from './lead-code';

/**
 * Brings the device clock and the year's lead code sequence into memory when they are not there (the first save
 * after the service worker started, or after a rolled-back one), so that a save's own transaction takes its
 * stamp and code without a read.
 */
export async function loadWriteCaches(db: SidecarDatabase, year: number): Promise<void> {
  if (isClockLoaded(db) && areLeadCodesLoaded(db, year)) return;
  await db.transaction('r', [db.meta, db.leads], () => Promise.all([loadClock(db), loadLeadCodes(db, year)]));
}
