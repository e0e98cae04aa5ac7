import { mergeLeads } from '../../lib/leads';
import type { Lead } from '../../lib/schema';
import type { Redirect } from '../../lib/sync/protocol';
import type { PushContext } from './push-context';
import { authorOf, type Authors } from './record-rows';

/**
 * One company, one lead, team-wide: a live lead with the domain or credit code of another live lead of the
 * team is merged into that one (the one the server had first). Fields merge as when a rep merges duplicates
 * (lib/leads: typed values beat captured ones, lists are unions), the newcomer becomes a tombstone pointing
 * at the survivor, and its contacts, activities and tasks move over. Returns the redirect the client is told
 * about, or null when the team has no such lead.
 */
export async function mergeIntoSameCompany(ctx: PushContext, lead: Lead, authors: Authors): Promise<Redirect | null> {
  if (lead.deletedAt !== null) return null;
  const survivorRow = (await ctx.records.sameCompany(lead))[0];
  if (!survivorRow) return null;
  const survivor = survivorRow.record as Lead;
  const stamp = ctx.clock.stampAfter([...Object.values(survivor.versions), ...Object.values(lead.versions)]);
  const now = ctx.nowIso > survivor.updatedAt ? ctx.nowIso : survivor.updatedAt;
  const merged = mergeLeads(survivor, lead, { keep: [], other: [] }, stamp, now);
  // A pool lead clipped again by a rep who owns the clip goes to that rep, as a claim would; an owned one stays.
  const keep: Lead = survivor.ownerId === null && lead.ownerId !== null ? { ...merged.keep, ownerId: lead.ownerId, versions: { ...merged.keep.versions, ownerId: stamp } } : merged.keep;
  const tombstone = merged.tombstone;
  const keepAuthors = { ...survivorRow.authors };
  for (const [field, version] of Object.entries(keep.versions)) if (version === stamp) keepAuthors[field] = authorOf(authors, field) ?? ctx.caller.id;
  ctx.records.put({ ...survivorRow, record: keep, authors: keepAuthors, changeNo: ctx.counter.next() }, ctx.nowIso);
  const grave: Lead = { ...tombstone, versions: { ...tombstone.versions, deletedAt: stamp } };
  ctx.records.put({ id: lead.id, teamId: ctx.caller.teamId, table: 'leads', record: grave, authors, changeNo: ctx.counter.next() }, ctx.nowIso);
  for (const child of await ctx.records.children(lead.id)) {
    const moved = { ...child.record, leadId: survivor.id, versions: { ...child.record.versions, leadId: stamp } };
    ctx.records.put({ ...child, record: moved, changeNo: ctx.counter.next() }, ctx.nowIso);
  }
  return { from: lead.id, to: survivor.id };
}

/** The lead a (possibly merged) lead id stands for now: merged tombstones are followed to their survivor. */
export async function followMerges<T extends { record: { deletedAt: string | null } }>(load: (id: string) => Promise<T | null>, id: string): Promise<T | null> {
  let row = await load(id);
  for (let hops = 0; row && hops < 20; hops++) {
    const into = (row.record as { mergedInto?: string | null }).mergedInto;
    if (row.record.deletedAt === null || !into) return row;
    const next = await load(into);
    if (!next) return row;
    row = next;
  }
  return row;
}
