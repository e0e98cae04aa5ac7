import type { Lead, LeadPatch, Stage } from '@/lib/schema';

/** What the sidebar's form holds: plain strings, one address or number per line. */
export interface LeadFormState {
  name: string;
  legalName: string;
  description: string;
  emails: string;
  phones: string;
  stage: Stage;
}

export function formStateOf(lead: Lead): LeadFormState {
  return {
    name: lead.name,
    legalName: lead.legalName ?? '',
    description: lead.description ?? '',
    emails: lead.emails.join('\n'),
    phones: lead.phones.join('\n'),
    stage: lead.stage,
  };
}

const lines = (text: string) => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** Only the fields the rep changed, so saving never overwrites what the page did not show. */
export function editsFrom(form: LeadFormState, original: Lead): LeadPatch {
  const next: LeadPatch = {
    name: form.name.trim(),
    legalName: orNull(form.legalName),
    description: orNull(form.description),
    emails: lines(form.emails).map((email) => email.toLowerCase()),
    phones: lines(form.phones),
    stage: form.stage,
  };
  const edits: LeadPatch = {};
  for (const [field, value] of Object.entries(next) as Array<[keyof LeadPatch, unknown]>) {
    if (JSON.stringify(value) !== JSON.stringify(original[field])) (edits as Record<string, unknown>)[field] = value;
  }
  return edits;
}
