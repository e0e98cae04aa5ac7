import type { Caller } from '../accounts/accounts';
import { ApiError } from '../http/api-error';
import type { Lead } from '../../lib/schema';
import { RecordCache } from './record-cache';
import type { SyncDeps } from './push';
import { TeamCounter } from './team-counter';

/**
 * Takes an unowned lead from the team's pool (公海). Refuses when someone else owns it, or when another live
 * lead of the same company is owned by someone else: a rep never silently takes another rep's customer.
 */
export async function claimLead(deps: SyncDeps, caller: Caller, leadId: string): Promise<{ lead: Lead; changeNo: number }> {
  const nowIso = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const counter = await TeamCounter.lock(tx, caller.teamId);
    const records = new RecordCache(tx, caller.teamId);
    const row = await records.get(leadId);
    if (!row || row.teamId !== caller.teamId || row.table !== 'leads') throw new ApiError('not_found', `lead ${leadId} is not in your team: sync, then try again`);
    const lead = row.record as Lead;
    if (lead.deletedAt !== null) {
      const where = lead.mergedInto ? ` it was merged into lead ${lead.mergedInto}: claim that one` : ' it was deleted';
      throw new ApiError('not_found', `lead ${leadId} cannot be claimed:${where}`);
    }
    if (lead.ownerId === caller.id) return { lead, changeNo: row.changeNo };
    if (lead.ownerId !== null) throw new ApiError('already_owned', 'another rep owns this lead: ask them or a manager to hand it over');
    const twin = (await records.sameCompany(lead)).find((other) => other.record.ownerId !== null && other.record.ownerId !== caller.id);
    if (twin) throw new ApiError('already_owned', `another rep already works this company (lead ${twin.id}): ask a manager to merge or reassign`);
    const stamp = deps.clock.stampAfter(Object.values(lead.versions));
    // The claim is an assignment: the response deadline runs from now.
    const claimed: Lead = {
      ...lead,
      ownerId: caller.id,
      assignedAt: nowIso,
      updatedAt: nowIso > lead.updatedAt ? nowIso : lead.updatedAt,
      versions: { ...lead.versions, ownerId: stamp, assignedAt: stamp },
    };
    const changeNo = counter.next();
    records.put({ ...row, record: claimed, authors: { ...row.authors, ownerId: caller.id, assignedAt: caller.id }, changeNo }, nowIso);
    await records.flush();
    await counter.save();
    return { lead: claimed, changeNo };
  });
}
