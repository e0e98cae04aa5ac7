import { z } from 'zod';
import { Activity, Contact, FieldOrigin, Hlc, Id, Lead, Task, TeamSettings, Timestamp } from '../schema';
import { StampMap } from './stamp-map';
import { SyncTable } from './tables';

/**
 * The team backend's HTTP API, shared by the server (which validates every request and response with it)
 * and the extension's sync client. Objects are strict: an unknown field is an error, never dropped.
 */

export const Role = z.enum(['admin', 'manager', 'rep']);
export type Role = z.infer<typeof Role>;

export const ApiErrorBody = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Email = z.email().max(254).transform((email) => email.toLowerCase());

export const SignInRequest = z.strictObject({ email: Email, password: z.string().min(1).max(1024) });
export const Account = z.strictObject({ id: z.string(), email: z.string(), role: Role, teamId: z.string(), teamName: z.string() });
export type Account = z.infer<typeof Account>;
export const SignInResponse = z.strictObject({ token: z.string(), expiresAt: Timestamp, account: Account });
export type SignInResponse = z.infer<typeof SignInResponse>;

/** A client installation (one browser profile): its mutation ids are monotonic. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id is 8-64 letters, digits, _ or -');
export const MutationId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A JSON object whose fields are checked later against the table's schema (strictly, on the server). Checked
 * here only for being an object: walking every field twice would double the cost of a push.
 */
const JsonObject = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected a JSON object');

/** A whole record (a new one, or a full copy to merge field by field). Its shape is checked per table. */
export const PutMutation = z.strictObject({
  mutationId: MutationId,
  table: SyncTable,
  op: z.literal('put'),
  record: JsonObject,
  /** The field versions the client's copy had before this write: a newer one it had not seen is a conflict. */
  baseVersions: StampMap.optional(),
});

/** Some fields of an existing record, each with its new clock stamp. A delete sets deletedAt. */
export const PatchMutation = z.strictObject({
  mutationId: MutationId,
  table: SyncTable,
  op: z.literal('patch'),
  id: Id,
  fields: JsonObject,
  versions: StampMap,
  /** Leads: where each new value came from (typed by the rep, or captured with its evidence). */
  origins: z.record(z.string(), FieldOrigin).optional(),
  baseVersions: StampMap.optional(),
});

export const Mutation = z.discriminatedUnion('op', [PutMutation, PatchMutation]);
export type Mutation = z.infer<typeof Mutation>;
export type PutMutation = z.infer<typeof PutMutation>;
export type PatchMutation = z.infer<typeof PatchMutation>;

export const MAX_PUSH_MUTATIONS = 500;
export const PushRequest = z.strictObject({ clientId: ClientId, mutations: z.array(Mutation).min(1).max(MAX_PUSH_MUTATIONS) });
export type PushRequest = z.infer<typeof PushRequest>;

export const Redirect = z.strictObject({ from: Id, to: Id });
export type Redirect = z.infer<typeof Redirect>;

export const MutationResult = z.strictObject({
  mutationId: MutationId,
  status: z.enum(['applied', 'rejected']),
  /** True when this mutation id had been handled before (a replay): nothing was applied again. */
  replayed: z.boolean(),
  /** Rejected: why, in words for the rep, and the server's copy of the record (null: it has none) to revert to. */
  rejection: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  current: JsonObject.nullable().optional(),
  /** The lead was the same company as an existing one and was merged into it: use `to` from now on. */
  redirect: Redirect.optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.strictObject({ results: z.array(MutationResult), lastMutationId: z.number().int().nonnegative() });
export type PushResponse = z.infer<typeof PushResponse>;

export const MAX_PULL_LIMIT = 1000;
export const PullRequest = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullRequest = z.infer<typeof PullRequest>;

// A pull page carries up to a thousand records, each checked by the server before it answers and by the device
// when it arrives: their stamps are checked by StampMap (the same rule as lib/schema's, in one pass).
export const Change = z.discriminatedUnion('table', [
  z.strictObject({ changeNo: z.number().int(), table: z.literal('leads'), record: Lead.extend({ versions: StampMap }) }),
  z.strictObject({ changeNo: z.number().int(), table: z.literal('contacts'), record: Contact.extend({ versions: StampMap }) }),
  z.strictObject({ changeNo: z.number().int(), table: z.literal('activities'), record: Activity.extend({ versions: StampMap }) }),
  z.strictObject({ changeNo: z.number().int(), table: z.literal('tasks'), record: Task.extend({ versions: StampMap }) }),
]);
export type Change = z.infer<typeof Change>;

/** A value that lost a same-field conflict, shown to the rep who wrote it (it stays in the record's history). */
export const ConflictNotice = z.strictObject({
  changeNo: z.number().int(),
  table: SyncTable,
  recordId: Id,
  field: z.string(),
  lostValue: z.unknown().optional(),
  lostVersion: Hlc,
  keptValue: z.unknown().optional(),
  keptVersion: Hlc,
  at: Timestamp,
});
export type ConflictNotice = z.infer<typeof ConflictNotice>;

export const PullResponse = z.strictObject({
  changes: z.array(Change),
  conflicts: z.array(ConflictNotice),
  /** The team's settings when they changed after the checkpoint, else null. */
  settings: TeamSettings.nullable(),
  checkpoint: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The checkpoint is older than the purge horizon: drop synced records and pull again from 0. */
  resyncRequired: z.boolean(),
  /** The server's clock, so that a device whose clock is behind catches up (lib/clock receiveHlc). */
  serverClock: Hlc,
});
export type PullResponse = z.infer<typeof PullResponse>;

export const TeamSettingsResponse = z.strictObject({ settings: TeamSettings, changeNo: z.number().int().nonnegative() });

export const ClaimResponse = z.strictObject({ lead: Lead, changeNo: z.number().int() });

/** Every value that lost a conflict on one record, oldest first: the record's history, for any teammate. */
export const RecordHistoryResponse = z.strictObject({
  entries: z.array(ConflictNotice.extend({ authorId: z.string() })),
});
export type RecordHistoryResponse = z.infer<typeof RecordHistoryResponse>;

/** The people of the caller's team, for choosing assignees and showing owners. */
export const TeamMembersResponse = z.strictObject({
  members: z.array(z.strictObject({ id: z.string(), email: z.string(), role: Role })),
});
export type TeamMembersResponse = z.infer<typeof TeamMembersResponse>;

/** An admin ended every sign-in of a member: how many there were. */
export const SignOutMemberResponse = z.strictObject({ revoked: z.number().int().nonnegative() });

/** What running the assignment rules over the pool did: leads given out, and unowned leads no rule matched. */
export const AssignPoolResponse = z.strictObject({ assigned: z.number().int().nonnegative(), unmatched: z.number().int().nonnegative() });
export type AssignPoolResponse = z.infer<typeof AssignPoolResponse>;
