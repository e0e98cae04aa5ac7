import type { Transaction } from 'dexie';
import type { Activity, Contact, Lead } from '../schema';
import { scoreInputsRowOf } from './score-inputs';

/**
 * v6: each lead's score facts in a row of their own (scoreInputs; none for a deleted lead), read by the re-score
 * after a settings change instead of the leads, contacts and activities; the marks of leads written since their
 * facts were taken, and the re-score batches (both empty).
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const [leads, contacts, activities]: [Lead[], Contact[], Activity[]] = await Promise.all([
    tx.table('leads').toArray(),
    tx.table('contacts').toArray(),
    tx.table('activities').toArray(),
  ]);
  const contactsOf = byLead(contacts);
  const activitiesOf = byLead(activities);
  const rows = leads.map((lead) => scoreInputsRowOf(lead, contactsOf.get(lead.id) ?? [], activitiesOf.get(lead.id) ?? []));
  await tx.table('scoreInputs').bulkAdd(rows);
}

function byLead<T extends { leadId: string }>(records: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const record of records) grouped.set(record.leadId, [...(grouped.get(record.leadId) ?? []), record]);
  return grouped;
}
