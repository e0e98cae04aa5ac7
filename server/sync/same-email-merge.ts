import type { Activity } from '../../lib/schema';
import { mergeWrite, recordAsWrite } from '../../lib/sync/merge-record';
import { stableJson } from '../../lib/sync/stable-json';
import { recordLostValues } from './conflicts';
import type { PushContext } from './push-context';
import type { Authors } from './record-rows';

/**
 * One email, one activity, team-wide: two reps (or two browsers) logging the same email make two activities
 * with the same external key (lib/webmail external-key). The later one is folded into the first: its fields
 * merge field by field as any edit of the first would (a same-field difference is kept in the history for
 * its author, never dropped), and it becomes a tombstone, so every device ends with the one activity.
 * Returns whether the activity was folded.
 */
export async function foldIntoSameEmail(ctx: PushContext, activity: Activity, authors: Authors): Promise<boolean> {
  if (!activity.externalKey || activity.deletedAt !== null) return false;
  const twin = await ctx.records.sameEmail(activity.externalKey, activity.id);
  if (!twin) return false;
  // The first activity keeps its lead, its owner and its life; what the email says merges.
  const { leadId: _lead, ownerId: _owner, deletedAt: _deleted, ...write } = recordAsWrite('activities', activity).fields;
  const versions = Object.fromEntries(Object.entries(activity.versions).filter(([field]) => field in write));
  const outcome = mergeWrite('activities', twin.record as Activity, { fields: write, versions }, ctx.nowIso);
  // Neither writer saw the other's copy: a value the later one replaced is a loss too, kept for its author.
  const first = twin.record as unknown as Record<string, unknown>;
  const replaced = outcome.taken
    .filter((field) => stableJson(first[field]) !== stableJson(write[field]))
    .map((field) => ({ field, loser: 'existing' as const, lostValue: first[field], lostVersion: twin.record.versions[field] ?? '', keptValue: write[field], keptVersion: versions[field]! }));
  recordLostValues(ctx, 'activities', twin.id, [...outcome.lost, ...replaced], twin.authors);
  if (outcome.taken.length > 0) {
    const twinAuthors = { ...twin.authors };
    for (const field of outcome.taken) twinAuthors[field] = ctx.caller.id;
    ctx.records.put({ ...twin, record: outcome.record, authors: twinAuthors, changeNo: ctx.counter.next() }, ctx.nowIso);
  }
  const stamp = ctx.clock.stampAfter(Object.values(activity.versions));
  const grave: Activity = { ...activity, teamId: ctx.caller.teamId, deletedAt: ctx.nowIso, versions: { ...activity.versions, deletedAt: stamp } };
  ctx.records.put({ id: activity.id, teamId: ctx.caller.teamId, table: 'activities', record: grave, authors, changeNo: ctx.counter.next() }, ctx.nowIso);
  return true;
}
