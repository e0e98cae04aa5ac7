import type { Lead } from '../schema';
import { toLead } from './company-lookup';
import type { SidecarDatabase } from './database';

/** Leads whose next follow-up passed before `now`, the longest overdue first (the v2 nextFollowUpAt index). */
export async function overdueFollowUps(db: SidecarDatabase, now: string, limit: number): Promise<Lead[]> {
  const rows = await db.leads.where('nextFollowUpAt').below(now).filter((row) => !row.deletedAt).limit(limit).toArray();
  return rows.map(toLead);
}
