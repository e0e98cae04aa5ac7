import type { FieldOrigin, Hlc } from '../schema';
import { stableJson } from './stable-json';
import type { AnySyncRecord, SyncTable } from './tables';

/** Some fields of a record with the clock stamp of each, as a push carries them. */
export interface FieldWrite {
  fields: Record<string, unknown>;
  versions: Record<string, Hlc>;
  origins?: Record<string, FieldOrigin>;
  /** The versions the writer had seen: a newer value it overwrites without having seen it is a conflict. */
  baseVersions?: Record<string, Hlc>;
}

/** A value that lost to another value of the same field; kept in the record's history and shown to its author. */
export interface LostValue {
  field: string;
  /** Whose value lost: the one being written, or the one that was there. */
  loser: 'incoming' | 'existing';
  lostValue: unknown;
  lostVersion: Hlc;
  keptValue: unknown;
  keptVersion: Hlc;
}

export interface MergeOutcome<T> {
  record: T;
  taken: string[];
  lost: LostValue[];
}

/** A lead's tombstone and the lead it was merged into are one value: they win or lose together. */
const fieldValue = (table: SyncTable, record: Record<string, unknown>, field: string): unknown =>
  table === 'leads' && field === 'deletedAt' ? [record.deletedAt ?? null, record.mergedInto ?? null] : record[field];

/** The part of a whole record that merges field by field: every field that has a version. */
export function recordAsWrite(table: SyncTable, record: AnySyncRecord, baseVersions?: Record<string, Hlc>): FieldWrite {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(record.versions)) {
    if (field in record) fields[field] = (record as Record<string, unknown>)[field];
  }
  if (table === 'leads' && 'deletedAt' in record.versions) fields.mergedInto = (record as { mergedInto: string | null }).mergedInto;
  const origins = table === 'leads' ? (record as { origins: Record<string, FieldOrigin> }).origins : undefined;
  return { fields, versions: record.versions, ...(origins ? { origins } : {}), ...(baseVersions ? { baseVersions } : {}) };
}

/**
 * Merges a write into a record field by field: the higher clock stamp wins each field (stamps order by time,
 * then counter, then node, so the outcome never depends on arrival order); equal stamps keep the greater
 * value, so merge(a, b) equals merge(b, a). The server and every client apply the same rule.
 */
export function mergeWrite<T extends AnySyncRecord>(table: SyncTable, existing: T, write: FieldWrite, now: string): MergeOutcome<T> {
  const next = { ...existing, versions: { ...existing.versions } } as Record<string, unknown> & { versions: Record<string, Hlc> };
  const origins = table === 'leads' ? { ...(existing as { origins: Record<string, FieldOrigin> }).origins } : null;
  const taken: string[] = [];
  const lost: LostValue[] = [];
  for (const [field, version] of Object.entries(write.versions)) {
    if (!(field in write.fields)) continue;
    const mine = existing.versions[field] ?? '';
    const incoming = fieldValue(table, write.fields, field);
    const current = fieldValue(table, existing, field);
    const differs = stableJson(incoming) !== stableJson(current);
    if (version > mine || (version === mine && differs && stableJson(incoming) > stableJson(current))) {
      next[field] = write.fields[field];
      if (table === 'leads' && field === 'deletedAt') next.mergedInto = write.fields.mergedInto ?? null;
      next.versions[field] = version;
      if (origins) {
        const origin = write.origins?.[field];
        if (origin) origins[field] = origin;
        else delete origins[field];
      }
      taken.push(field);
      const seen = write.baseVersions?.[field];
      if (differs && mine !== '' && seen !== undefined && mine > seen) {
        lost.push({ field, loser: 'existing', lostValue: current, lostVersion: mine, keptValue: incoming, keptVersion: version });
      }
    } else if (differs) {
      lost.push({ field, loser: 'incoming', lostValue: incoming, lostVersion: version, keptValue: current, keptVersion: mine });
    }
  }
  if (origins) next.origins = origins;
  if (taken.length > 0 && now > existing.updatedAt) next.updatedAt = now;
  return { record: next as unknown as T, taken, lost };
}

/** Two copies of one record merged, in either order to the same result (used when a client rebases). */
export function mergeCopies<T extends AnySyncRecord>(table: SyncTable, a: T, b: T): T {
  const { record } = mergeWrite(table, a, recordAsWrite(table, b), a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt);
  return { ...record, createdAt: a.createdAt < b.createdAt ? a.createdAt : b.createdAt };
}
