import { companyNameKeys } from '../dedup';
import type { Lead } from '../schema';
import type { LeadRow, SidecarDatabase } from './database';

const MAX_DUPLICATES = 5;

export type DuplicateReason = 'name' | 'creditCode';

/** Another lead that is likely the same company: offered to the rep for merging, never merged silently. */
export interface PossibleDuplicate {
  lead: Lead;
  reason: DuplicateReason;
}

export function toLead(row: LeadRow): Lead {
  const { searchKeys: _search, nameKeys: _names, poolRank: _pool, ...lead } = row;
  return lead;
}

const live = (row: LeadRow | undefined): row is LeadRow => row !== undefined && !row.deletedAt;

// Exact-key lookups read with toArray and filter here: one getAll per lookup, where a Dexie filter walks a
// cursor (a round trip per row, and one even when nothing matches). A key matches a handful of rows at most.

/** The live lead that has `key` among its other domains (acme.de on the lead of acme.com). */
export async function findByOtherDomain(db: SidecarDatabase, key: string): Promise<Lead | undefined> {
  if (!db.otherDomainKeys.mayHold(key)) return undefined;
  const row = (await db.leads.where('otherDomains').equals(key).toArray()).find(live);
  return row && toLead(row);
}

export async function findByCreditCode(db: SidecarDatabase, creditCode: string): Promise<Lead[]> {
  const rows = await db.leads.where('creditCode').equals(creditCode).toArray();
  return rows.filter(live).slice(0, MAX_DUPLICATES).map(toLead);
}

/**
 * Other live leads that are probably the same company as `lead`: the same credit code (when the page's lead
 * was found by its domain and another lead holds the code), or the same normalised name or legal name.
 */
export async function findPossibleDuplicates(db: SidecarDatabase, lead: Lead): Promise<PossibleDuplicate[]> {
  const found = new Map<string, PossibleDuplicate>();
  if (lead.creditCode) {
    for (const other of await findByCreditCode(db, lead.creditCode)) {
      if (other.id !== lead.id) found.set(other.id, { lead: other, reason: 'creditCode' });
    }
  }
  const keys = companyNameKeys(lead.name, lead.legalName);
  if (keys.length > 0) {
    const rows = await db.leads
      .where('nameKeys')
      .anyOf(keys)
      .distinct()
      .filter((row) => live(row) && row.id !== lead.id)
      .limit(MAX_DUPLICATES)
      .toArray();
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, { lead: toLead(row), reason: 'name' });
  }
  return [...found.values()].slice(0, MAX_DUPLICATES);
}
