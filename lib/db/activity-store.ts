import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Activity, ActivityFields, SCHEMA_VERSION } from '../schema';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';

export type NewActivity = z.input<typeof ActivityFields>;

export interface ActivityWriteContext {
  ownerId: string | null;
  teamId: string | null;
  now: Date;
}

/** What `addActivityOnce` did: stored a new record, or found the one already logged under the same key. */
export interface ActivityOnce {
  activity: Activity;
  created: boolean;
}

const live = (activity: Activity) => !activity.deletedAt;

/** The live activity logged under an external key (a webmail message), if any. */
export async function activityByExternalKey(db: SidecarDatabase, externalKey: string): Promise<Activity | undefined> {
  return db.activities.where('externalKey').equals(externalKey).filter(live).first();
}

/** The live activities logged under any of these keys, by key (which messages of a thread are logged already). */
export async function activitiesByExternalKeys(db: SidecarDatabase, keys: readonly string[]): Promise<Map<string, Activity>> {
  if (keys.length === 0) return new Map();
  const rows = await db.activities.where('externalKey').anyOf([...new Set(keys)]).filter(live).toArray();
  return new Map(rows.map((row) => [row.externalKey!, row]));
}

/** The live activities whose key starts with `prefix` (every logged message of one thread), oldest first. */
export async function activitiesByKeyPrefix(db: SidecarDatabase, prefix: string, limit = 50): Promise<Activity[]> {
  const rows = await db.activities.where('externalKey').startsWith(prefix).filter(live).limit(limit).toArray();
  return rows.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/**
 * Stores an activity unless one with the same `externalKey` is already stored, in which case that one is
 * returned and nothing is written. The check and the insert run in one read-write transaction, and IndexedDB
 * runs overlapping read-write transactions one after the other, so two calls at once (a double click, two tabs)
 * store one record. A record without a key (logged by hand) is always stored. Validated first: nothing is
 * written when a field is not valid. Joins the caller's transaction when it covers activities and meta.
 */
export async function addActivityOnce(db: SidecarDatabase, fields: NewActivity, context: ActivityWriteContext): Promise<ActivityOnce> {
  const parsed = ActivityFields.parse(fields);
  return db.transaction('rw', [db.activities, db.meta], async () => {
    if (parsed.externalKey) {
      const existing = await activityByExternalKey(db, parsed.externalKey);
      if (existing) return { activity: existing, created: false };
    }
    const stamp = await nextStamp(db, context.now.getTime());
    const at = context.now.toISOString();
    const versions = Object.fromEntries(Object.keys(parsed).map((field) => [field, stamp]));
    const activity = Activity.parse({
      ...parsed,
      id: uuidv7(),
      schemaVersion: SCHEMA_VERSION,
      teamId: context.teamId,
      ownerId: context.ownerId,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      versions,
    });
    await db.activities.add(activity);
    return { activity, created: true };
  });
}
