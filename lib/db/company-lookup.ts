import { companyNameKeys } from '../dedup';
import type Dexie from 'dexie';
import type { Contact, Lead } from '../schema';
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

/**
 * Exact-key reads of stored rows: through Dexie's API, or inside a save's CoreTransaction (core-transaction.ts),
 * so that a lookup is written once for both. Each is one getAll, where a Dexie filter walks a cursor (a round trip
 * per row, and one even when nothing matches); a key matches a handful of rows at most.
 */
export interface KeyReads {
  byIndex<T>(table: string, index: string, key: string, limit?: number): Promise<T[]>;
  get<T>(table: string, key: string): Promise<T | undefined>;
}

export function dexieReads(db: Dexie): KeyReads {
  return {
    byIndex: <T>(table: string, index: string, key: string, limit?: number) => {
      const matching = db.table(table).where(index).equals(key);
      return (limit ? matching.limit(limit) : matching).toArray() as Promise<T[]>;
    },
    get: <T>(table: string, key: string) => db.table(table).get(key) as Promise<T | undefined>,
  };
}

/** The live lead whose own domain is `key`. */
export async function findByDomainIn(reads: KeyReads, key: string): Promise<Lead | undefined> {
  const [row] = await reads.byIndex<LeadRow>('leads', 'domain', key, 1);
  return live(row) ? toLead(row) : undefined;
}

/** The live lead that has `key` among its other domains (acme.de on the lead of acme.com). */
export async function findByOtherDomain(db: SidecarDatabase, key: string, reads: KeyReads = dexieReads(db)): Promise<Lead | undefined> {
  if (!db.otherDomainKeys.mayHold(key)) return undefined;
  const row = (await reads.byIndex<LeadRow>('leads', 'otherDomains', key)).find(live);
  return row && toLead(row);
}

export async function findByCreditCode(db: SidecarDatabase, creditCode: string, reads: KeyReads = dexieReads(db)): Promise<Lead[]> {
  const rows = await reads.byIndex<LeadRow>('leads', 'creditCode', creditCode);
  return rows.filter(live).slice(0, MAX_DUPLICATES).map(toLead);
}

/** The live lead with this id. */
export async function leadById(reads: KeyReads, id: string): Promise<Lead | undefined> {
  const row = await reads.get<LeadRow>('leads', id);
  return live(row) ? toLead(row) : undefined;
}

/** A lead's live contacts. */
export async function liveContactsOf(reads: KeyReads, leadId: string): Promise<Contact[]> {
  return (await reads.byIndex<Contact>('contacts', 'leadId', leadId)).filter((contact) => !contact.deletedAt);
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
