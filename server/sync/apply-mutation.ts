import type { z } from 'zod';
import type { Activity, Hlc, Lead } from '../../lib/schema';
import { mergeWrite, recordAsWrite, type FieldWrite } from '../../lib/sync/merge-record';
import type { Mutation, PatchMutation, Redirect } from '../../lib/sync/protocol';
import { mergeableFields, STRICT_TABLE_SCHEMAS, TABLE_SCHEMAS, type AnySyncRecord, type SyncTable } from '../../lib/sync/tables';
import { canEditLeadOwnedBy, canSetOwner, managerOnlyLeadFieldRefusal, withoutManagerOnlyFields } from './permissions';
import { describeIssues, Rejection, type PushContext } from './push-context';
import { authoredBy, type RecordRow } from './record-rows';
import { recordLostValues } from './conflicts';
import { followMerges, mergeIntoSameCompany } from './same-company-merge';
import { assignByRules } from './assignment';
import { foldIntoSameEmail } from './same-email-merge';

/**
 * A mutation as validated. A put's field write is derived from its record only when there is a stored copy to
 * merge it into: most puts are of new records, stored as they came.
 */
export type ParsedMutation = {
  id: string;
  table: SyncTable;
  /** A put's whole record, a copy this push may change; null for a patch. */
  whole: AnySyncRecord | null;
  /** A patch's write; null for a put (see `fieldWrite`). */
  patch: FieldWrite | null;
  /** The write's stamps, clamped to the server's clock. */
  versions: Record<string, Hlc>;
  baseVersions?: Record<string, Hlc>;
};

/** Validates a mutation (throws a Rejection when it is not valid); needs nothing from the database. */
export function parseMutation(m: Mutation): ParsedMutation {
  if (m.op === 'put') {
    const parsed = STRICT_TABLE_SCHEMAS[m.table].safeParse(m.record);
    if (!parsed.success) throw new Rejection('invalid_record', `this ${m.table} record is not valid (${describeIssues(parsed.error.issues)}); correct it and save again`);
    // The validated copy is the push's own, to complete in place (zod builds a new object; should a schema ever
    // hand back its input, it is copied): a third copy of each record of a large push was the GC's to move.
    const whole = (parsed.data === m.record ? { ...parsed.data } : parsed.data) as AnySyncRecord;
    return { id: whole.id, table: m.table, whole, patch: null, versions: whole.versions, ...(m.baseVersions ? { baseVersions: m.baseVersions } : {}) };
  }
  const patch = parsePatch(m);
  return { id: m.id, table: m.table, whole: null, patch, versions: patch.versions };
}

/** The value a mutation writes to `field`, or undefined when it leaves the field alone. */
function writtenValue(parsed: ParsedMutation, field: string): unknown {
  if (parsed.patch) return parsed.patch.fields[field];
  return field in parsed.versions && field in parsed.whole! ? (parsed.whole as Record<string, unknown>)[field] : undefined;
}

/** The mutation as a field-by-field write, with its clamped stamps. */
function fieldWrite(parsed: ParsedMutation): FieldWrite {
  const write = parsed.patch ?? recordAsWrite(parsed.table, parsed.whole!, parsed.baseVersions);
  return { ...write, versions: parsed.versions };
}

function parsePatch(m: PatchMutation): FieldWrite {
  const writable = new Set([...mergeableFields(m.table), ...(m.table === 'leads' ? ['mergedInto'] : [])]);
  for (const field of Object.keys(m.fields)) {
    if (!writable.has(field)) throw new Rejection('invalid_record', `"${field}" is not a field a ${m.table} patch can change`);
    if (field !== 'mergedInto' && !(field in m.versions)) throw new Rejection('invalid_record', `"${field}" has no version stamp: stamp every changed field`);
  }
  for (const field of Object.keys(m.versions)) {
    if (!(field in m.fields)) throw new Rejection('invalid_record', `a version is stamped for "${field}" but no value is given`);
  }
  const mask = Object.fromEntries(Object.keys(m.fields).map((field) => [field, true as const]));
  const schema = TABLE_SCHEMAS[m.table] as unknown as z.ZodObject<z.ZodRawShape>;
  const parsed = schema.pick(mask).strict().safeParse(m.fields);
  if (!parsed.success) throw new Rejection('invalid_record', `this change is not valid (${describeIssues(parsed.error.issues)}); correct it and save again`);
  return { fields: parsed.data as Record<string, unknown>, versions: m.versions, ...(m.origins ? { origins: m.origins } : {}), ...(m.baseVersions ? { baseVersions: m.baseVersions } : {}) };
}

/** Loads a record only when it is the caller's team's: another team's record is as good as absent. */
async function loadOwnTeam(ctx: PushContext, id: string): Promise<RecordRow | null> {
  const row = await ctx.records.get(id);
  return row && row.teamId === ctx.caller.teamId ? row : null;
}

async function resolveParentLead(ctx: PushContext, leadId: string): Promise<RecordRow> {
  const lead = await followMerges((id) => loadOwnTeam(ctx, id), leadId);
  if (!lead || lead.table !== 'leads') throw new Rejection('unknown_lead', `lead ${leadId} is not on the server: sync the lead first, then this record`);
  return lead;
}

function assertMayEdit(ctx: PushContext, ownerId: string | null, what: string): void {
  if (!canEditLeadOwnedBy(ctx.caller, ownerId)) throw new Rejection('forbidden', `${what} belongs to another rep: ask them or a manager to make this change`);
}

/**
 * An edit made after seeing the current value is newer than it, whatever the device's clock says: a device
 * whose clock is behind (and did not catch up from the stamps it pulled) gets a server stamp for it instead
 * of silently losing to the value it replaced.
 */
function restampSeenEdits(ctx: PushContext, existing: AnySyncRecord, write: FieldWrite): Record<string, string> {
  if (!write.baseVersions) return write.versions;
  let versions = write.versions;
  for (const [field, stamp] of Object.entries(write.versions)) {
    const current = existing.versions[field];
    if (current === undefined || write.baseVersions[field] !== current || stamp > current) continue;
    if (versions === write.versions) versions = { ...write.versions };
    versions[field] = ctx.clock.stampAfter([current]);
  }
  return versions;
}

/**
 * Applies one mutation, validated by `parseMutation`, inside the push transaction. Throws a Rejection
 * (acknowledged to the client, nothing written) for forbidden or impossible writes; any other error aborts
 * the whole batch.
 */
export async function applyMutation(ctx: PushContext, parsed: ParsedMutation): Promise<{ redirect?: Redirect }> {
  parsed.versions = ctx.clock.clampVersions(parsed.versions);
  let existing = await ctx.records.get(parsed.id);
  if (existing && existing.teamId !== ctx.caller.teamId) throw new Rejection('not_found', `record ${parsed.id} does not exist in your team`);
  if (existing && existing.table !== parsed.table) throw new Rejection('invalid_record', `record ${parsed.id} is not in ${parsed.table}`);
  let redirect: Redirect | undefined;
  if (existing && parsed.table === 'leads' && parsed.whole === null) {
    const survivor = await followMerges((id) => loadOwnTeam(ctx, id), parsed.id);
    if (survivor && survivor.id !== existing.id) {
      redirect = { from: existing.id, to: survivor.id };
      existing = survivor;
    }
  }
  if (parsed.whole && parsed.whole.teamId !== null && parsed.whole.teamId !== ctx.caller.teamId) throw new Rejection('forbidden', 'this record belongs to another team');

  if (parsed.table === 'leads') {
    const ownerBefore = existing ? existing.record.ownerId : (parsed.whole?.ownerId ?? null);
    assertMayEdit(ctx, ownerBefore, 'this lead');
    if ('ownerId' in parsed.versions && !canSetOwner(ctx.caller, (writtenValue(parsed, 'ownerId') as string | null | undefined) ?? null)) {
      throw new Rejection('forbidden', 'only a manager can give a lead to another rep');
    }
  } else {
    const leadIds = new Set<string>();
    if (existing) leadIds.add((existing.record as { leadId: string }).leadId);
    const newLeadId = writtenValue(parsed, 'leadId') as string | undefined;
    if (newLeadId !== undefined) {
      const parent = await resolveParentLead(ctx, newLeadId);
      if (parsed.patch) parsed.patch = { ...parsed.patch, fields: { ...parsed.patch.fields, leadId: parent.id } };
      if (parsed.whole) parsed.whole = { ...parsed.whole, leadId: parent.id } as AnySyncRecord;
      leadIds.add(parent.id);
    }
    // A rep's own contacts, activities and tasks stay theirs wherever the lead went (a duplicate merged into
    // another rep's lead keeps its follow-ups); anything else follows the lead's owner.
    const childOwner = existing ? existing.record.ownerId : (parsed.whole?.ownerId ?? null);
    const ownsChild = ctx.caller.role === 'rep' && childOwner === ctx.caller.id && (writtenValue(parsed, 'ownerId') ?? ctx.caller.id) === ctx.caller.id;
    if (!ownsChild) for (const leadId of leadIds) assertMayEdit(ctx, (await resolveParentLead(ctx, leadId)).record.ownerId, 'the lead of this record');
  }

  if (!existing) {
    if (!parsed.whole) throw new Rejection('not_found', `record ${parsed.id} is not on the server: send the whole record first`);
    // `whole` is this push's own copy (see parseMutation): completed in place rather than copied once more.
    let record = parsed.whole;
    record.teamId = ctx.caller.teamId;
    record.versions = parsed.versions;
    const authors = authoredBy(ctx.caller.id);
    if (parsed.table === 'leads') {
      record = withoutManagerOnlyFields(ctx.caller, record);
      const merged = await mergeIntoSameCompany(ctx, record as Lead, authors);
      if (merged) return { redirect: merged };
      // A lead new to the team goes where the team's assignment rules say (server/sync/assignment.ts).
      record = await assignByRules(ctx, record as Lead);
    }
    if (parsed.table === 'activities' && (await foldIntoSameEmail(ctx, record as Activity, authors))) return {};
    ctx.records.put({ id: record.id, teamId: ctx.caller.teamId, table: parsed.table, record, authors, changeNo: ctx.counter.next() }, ctx.nowIso);
    return {};
  }

  const write = fieldWrite(parsed);
  write.versions = restampSeenEdits(ctx, existing.record, write);
  const outcome = mergeWrite(parsed.table, existing.record, write, ctx.nowIso);
  const refusal = parsed.table === 'leads' ? managerOnlyLeadFieldRefusal(ctx.caller, outcome.taken) : null;
  if (refusal) throw new Rejection('forbidden', refusal);
  if (outcome.taken.length > 0) {
    const valid = TABLE_SCHEMAS[parsed.table].safeParse(outcome.record);
    if (!valid.success) throw new Rejection('invalid_record', `the merged record would not be valid (${describeIssues(valid.error.issues)}); correct it and save again`);
  }
  recordLostValues(ctx, parsed.table, existing.id, outcome.lost, existing.authors);
  if (outcome.taken.length === 0) {
    // The writer's device shows its losing values until it pulls this record again: give it a new change number.
    if (outcome.lost.some((loss) => loss.loser === 'incoming')) ctx.records.put({ ...existing, changeNo: ctx.counter.next() }, ctx.nowIso);
    return redirect ? { redirect } : {};
  }
  const authors = { ...existing.authors };
  for (const field of outcome.taken) authors[field] = ctx.caller.id;
  ctx.records.put({ ...existing, record: outcome.record, authors, changeNo: ctx.counter.next() }, ctx.nowIso);
  if (parsed.table === 'leads' && (outcome.taken.includes('creditCode') || outcome.taken.includes('domain') || outcome.taken.includes('deletedAt'))) {
    const merged = await mergeIntoSameCompany(ctx, outcome.record as Lead, authors);
    if (merged) return { redirect: merged };
  }
  return redirect ? { redirect } : {};
}
