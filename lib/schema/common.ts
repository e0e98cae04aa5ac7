import { z } from 'zod';

/** Every persisted record carries this; a reader refuses shapes it does not know. */
export const SCHEMA_VERSION = 1 as const;

/** Client-generated, time-sortable ids (UUIDv7) so records can be created offline and merged later. */
export const Id = z.uuid({ version: 'v7' });
export type Id = z.infer<typeof Id>;

/** ISO-8601 instant as written by `new Date().toISOString()`. */
export const Timestamp = z.iso.datetime();

/**
 * A hybrid logical clock stamp, "<ms:13>-<counter:4>-<node>": ordered as a string, monotonic per device even
 * when the wall clock jumps back, so per-field versions never depend on reps' clocks being right.
 */
export const Hlc = z.string().regex(/^\d{13}-[0-9a-z]{4}-[0-9a-z-]{1,40}$/, 'not a clock stamp');
export type Hlc = z.infer<typeof Hlc>;

/** Sync bookkeeping shared by every record that leaves the device. */
export const SyncedRecord = z.object({
  id: Id,
  schemaVersion: z.literal(SCHEMA_VERSION),
  teamId: z.string().max(64).nullable(),
  ownerId: z.string().max(64).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Tombstone: deletes are kept as markers so that they propagate to every device. */
  deletedAt: Timestamp.nullable(),
  /** Per-field version: the clock stamp of the last edit of each field, for field-level merges. */
  versions: z.record(z.string(), Hlc),
});
export type SyncedRecord = z.infer<typeof SyncedRecord>;

export const shortText = z.string().trim().max(300);
export const longText = z.string().max(20_000);
