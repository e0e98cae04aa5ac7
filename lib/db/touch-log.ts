import { v7 as uuidv7 } from 'uuid';
import { Activity, QuickTouch, SCHEMA_VERSION } from '../schema';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';

/** The lead's live follow-up records, oldest first. */
export async function activitiesOf(db: SidecarDatabase, leadId: string): Promise<Activity[]> {
  const rows = await db.activities.where('leadId').equals(leadId).filter((a) => !a.deletedAt).toArray();
  return rows.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/**
 * Stores a touch the rep logged now as an outbound follow-up record (shared/domain.md §4: logged within 24 hours
 * of the touch; the sidebar records the full BANT form). Validated first; nothing is written when it is not valid.
 */
export async function logTouch(db: SidecarDatabase, touch: QuickTouch, context: { ownerId: string | null; now: Date }): Promise<Activity> {
  const parsed = QuickTouch.parse(touch);
  return db.transaction('rw', [db.activities, db.meta], async () => {
    const stamp = await nextStamp(db, context.now.getTime());
    const at = context.now.toISOString();
    const fields = {
      leadId: parsed.leadId,
      channel: parsed.channel,
      direction: 'outbound' as const,
      occurredAt: at,
      participants: [],
      subject: null,
      summary: parsed.summary,
      bant: { background: null, painPoints: null, needs: null, value: null },
      mood: null,
      feedback: null,
      stageChange: null,
      nextStep: null,
      nextFollowUpAt: parsed.nextFollowUpAt,
      externalKey: null,
    };
    const versions = Object.fromEntries(Object.keys(fields).map((field) => [field, stamp]));
    const activity = Activity.parse({ ...fields, id: uuidv7(), schemaVersion: SCHEMA_VERSION, teamId: null, ownerId: context.ownerId, createdAt: at, updatedAt: at, deletedAt: null, versions });
    await db.activities.add(activity);
    return activity;
  });
}
