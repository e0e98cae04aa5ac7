import { clearMarks, newestMarkByLead } from '../db/score-inputs';
import { followSyncedOverrides } from '../db/tier-override-store';
import type { LeadTracker } from './lead-tracker';

/** Past this many changed leads, one pass over every lead's facts (the re-score runner) beats a save each. */
export const PULLED_ONE_BY_ONE = 200;

/**
 * After a sync pull: the leads whose records arrived from teammates (marked stale by the score-facts layer)
 * are scored again, so a teammate's follow-up that says "this month" moves the tier here as a rep's own would
 * (issue 4: re-scored whenever the lead, its contacts or its activities change). A few leads go through the
 * tracker one by one (tier, history, next follow-up); a large pull (a first sync) re-scores every lead with
 * `rescoreAll` instead. Returns the number of leads looked at.
 */
export async function rescorePulledLeads(tracker: LeadTracker, rescoreAll: () => Promise<void>): Promise<number> {
  const { db } = tracker;
  const marks = await db.staleFacts.toArray();
  if (marks.length === 0) return 0;
  const latest = newestMarkByLead(marks);
  // A lead whose facts were taken after its last mark (the rep's own saves go through the tracker) is current.
  const ids = [...latest.keys()];
  const facts = await db.scoreInputs.bulkGet(ids);
  const leadIds = ids.filter((id, i) => (facts[i]?.at ?? '') < latest.get(id)!);
  if (leadIds.length > PULLED_ONE_BY_ONE) {
    // A teammate's override set or lifted: into the tier states (which the re-score reads) and the histories.
    await followSyncedOverrides(db, leadIds, tracker.now());
    // The re-score takes the marked leads' facts again first, and clears the marks.
    await rescoreAll();
    return leadIds.length;
  }
  for (const id of leadIds) {
    const lead = await tracker.leads.get(id);
    if (lead) await tracker.afterWrite(lead, await tracker.leads.contactsOf(id), null);
  }
  // Every marked lead now has fresh facts (afterWrite stores them), or is gone: the marks are done with.
  await clearMarks(db, marks);
  return leadIds.length;
}
