import type { Transaction } from 'dexie';
import { companyNameKeys } from '../dedup';
import type { Contact } from '../schema';
import type { LeadRow } from './database';

/**
 * v3: company identity and enrichment. Leads gain their other domains, credit code, size band, registered
 * capital, per-field origins and merge pointer, plus name keys for the duplicate check; contacts gain the pages
 * they were read from. Existing values get no origin, so they are protected like values the rep typed.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('leads')
    .toCollection()
    .modify((lead: Partial<LeadRow>) => {
      lead.otherDomains ??= [];
      lead.creditCode ??= null;
      lead.sizeBand ??= null;
      lead.registeredCapital ??= null;
      lead.origins ??= {};
      lead.mergedInto ??= null;
      lead.nameKeys = companyNameKeys(lead.name, lead.legalName);
    });
  await tx
    .table('contacts')
    .toCollection()
    .modify((contact: Partial<Contact>) => {
      contact.pageUrls ??= [];
    });
}
