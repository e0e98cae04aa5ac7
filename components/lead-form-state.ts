import { SizeBand, type Lead, type LeadPatch, type Stage } from '@/lib/schema';
import { dealFormOf, dealPatchOf, orNull, type DealFormState } from './deal-form-state';

/** What the sidebar's form holds: plain strings, one address or number per line. */
export interface LeadFormState {
  name: string;
  legalName: string;
  description: string;
  emails: string;
  phones: string;
  stage: Stage;
  industry: string;
  region: string;
  sizeBand: string;
  employees: string;
  foundingYear: string;
  registeredLocation: string;
  creditCode: string;
  /** Needs, budget, timeline, money facts, tags and competitor: what scoring asks the rep to find out. */
  deal: DealFormState;
}

/** `currency` fills the money fields the lead has no amount for yet (the team's currency). */
export function formStateOf(lead: Lead, currency = 'CNY'): LeadFormState {
  return {
    name: lead.name,
    legalName: lead.legalName ?? '',
    description: lead.description ?? '',
    emails: lead.emails.join('\n'),
    phones: lead.phones.join('\n'),
    stage: lead.stage,
    industry: lead.industry ?? '',
    region: lead.region ?? '',
    sizeBand: lead.sizeBand ?? '',
    employees: lead.employees === null ? '' : String(lead.employees),
    foundingYear: lead.foundingYear === null ? '' : String(lead.foundingYear),
    registeredLocation: lead.registeredLocation ?? '',
    creditCode: lead.creditCode ?? '',
    deal: dealFormOf(lead, currency),
  };
}

const lines = (text: string) => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
/** A whole number as typed ("1,200" too); what is not one is sent as typed so that the save says what is wrong. */
const wholeNumber = (text: string): number | null => {
  const digits = text.replace(/[,\s]/g, '');
  return digits ? Number(digits) : null;
};

/** Only the fields the rep changed, so saving never overwrites what the page did not show. */
export function editsFrom(form: LeadFormState, original: Lead): LeadPatch {
  const next: LeadPatch = {
    name: form.name.trim(),
    legalName: orNull(form.legalName),
    description: orNull(form.description),
    emails: lines(form.emails).map((email) => email.toLowerCase()),
    phones: lines(form.phones),
    stage: form.stage,
    industry: orNull(form.industry),
    region: orNull(form.region),
    sizeBand: form.sizeBand ? SizeBand.parse(form.sizeBand) : null,
    employees: wholeNumber(form.employees),
    foundingYear: wholeNumber(form.foundingYear),
    registeredLocation: orNull(form.registeredLocation),
    creditCode: orNull(form.creditCode)?.toUpperCase() ?? null,
    ...dealPatchOf(form.deal),
  };
  // "No competitor" recorded as such stays so while the rep names none.
  if (next.competitor === null && original.competitor?.status === 'none') delete next.competitor;
  const edits: LeadPatch = {};
  for (const [field, value] of Object.entries(next) as Array<[keyof LeadPatch, unknown]>) {
    if (JSON.stringify(value) !== JSON.stringify(original[field] ?? null)) (edits as Record<string, unknown>)[field] = value;
  }
  return edits;
}
