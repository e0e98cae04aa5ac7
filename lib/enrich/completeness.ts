import type { CompletenessResult, Contact, KeyField, Lead } from '../schema';

/**
 * shared/domain.md §1 names the levels, not the cut-offs. 完整 needs 9 of the 10 key fields (what a page shows
 * plus needs or budget from a conversation), 基本完整 6: a well-clipped company page reaches it alone.
 */
const COMPLETE_SHARE = 0.9;
const MOSTLY_COMPLETE_SHARE = 0.6;

const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The key fields of a lead (shared/domain.md §1, "Fields of a lead") and whether each is known. */
const KEY_FIELDS: ReadonlyArray<[KeyField, (lead: Lead, contacts: readonly Contact[]) => boolean]> = [
  ['name', (lead) => filled(lead.name)],
  ['website', (lead) => filled(lead.website) || filled(lead.domain)],
  ['industry', (lead) => filled(lead.industry)],
  ['region', (lead) => filled(lead.region)],
  ['size', (lead) => [lead.employees, lead.revenue, lead.sizeBand, lead.registeredCapital].some(filled)],
  ['foundingYear', (lead) => filled(lead.foundingYear)],
  ['contactPerson', (_lead, contacts) => contacts.length > 0],
  ['contactChannel', (lead, contacts) => [lead.emails, lead.phones, ...contacts.flatMap((c) => [c.emails, c.phones])].some(filled)],
  ['needs', (lead) => filled(lead.needDescription) || filled(lead.painPoints)],
  ['budget', (lead) => filled(lead.budget)],
];

/** Information completeness (信息完整度) from the share of key fields filled; contacts are the lead's live ones. */
export function assessCompleteness(lead: Lead, contacts: readonly Contact[]): CompletenessResult {
  const live = contacts.filter((contact) => contact.leadId === lead.id && contact.deletedAt === null);
  const missing = KEY_FIELDS.filter(([, known]) => !known(lead, live)).map(([field]) => field);
  const total = KEY_FIELDS.length;
  const share = (total - missing.length) / total;
  const level = share >= COMPLETE_SHARE ? 'complete' : share >= MOSTLY_COMPLETE_SHARE ? 'mostly_complete' : 'incomplete';
  return { level, filled: total - missing.length, total, missing };
}
