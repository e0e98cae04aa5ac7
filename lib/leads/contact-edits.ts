import { maskPhone } from '../privacy';
import { SCHEMA_VERSION, type Contact, type ContactFields, type ContactPatch, type Hlc, type NewContact } from '../schema';
import { unique } from './captured-values';
import { isDeepStrictEqualJson } from './json-equal';

export interface HandEdit {
  stamp: Hlc;
  now: string;
  /** shared/domain.md §7: numbers typed for a person are stored masked too when masking is on. */
  maskPhones: boolean;
}

const cleanPatch = (patch: ContactPatch, maskPhones: boolean): ContactPatch => ({
  ...patch,
  ...(patch.emails ? { emails: unique(patch.emails.map((email) => email.trim().toLowerCase())) } : {}),
  ...(patch.phones ? { phones: unique(patch.phones.map((phone) => (maskPhones ? maskPhone(phone) : phone.trim()))) } : {}),
});

/** The rep's edit of a person, each changed field stamped; the contact itself when nothing changes. */
export function applyContactPatch(contact: Contact, patch: ContactPatch, edit: HandEdit): Contact {
  const clean = cleanPatch(patch, edit.maskPhones);
  const changed = (Object.keys(clean) as Array<keyof ContactPatch>).filter((field) => clean[field] !== undefined && !isDeepStrictEqualJson(contact[field], clean[field]));
  if (changed.length === 0) return contact;
  const next: Contact = { ...contact, versions: { ...contact.versions }, updatedAt: edit.now };
  for (const field of changed) {
    (next as Record<string, unknown>)[field] = clean[field];
    next.versions[field] = edit.stamp;
  }
  return next;
}

/** A person the rep adds to a lead by hand. */
export function contactByHand(input: NewContact, lead: { id: string; teamId: string | null }, ownerId: string | null, id: string, edit: HandEdit): Contact {
  const clean = cleanPatch(input, edit.maskPhones);
  const fields: ContactFields = {
    leadId: lead.id,
    name: clean.name!.trim(),
    title: clean.title?.trim() || null,
    phones: clean.phones ?? [],
    emails: clean.emails ?? [],
    preferredChannel: clean.preferredChannel ?? null,
    decisionRole: clean.decisionRole ?? 'unknown',
    verified: clean.verified ?? false,
    notes: clean.notes ?? null,
    pageUrls: [],
  };
  return {
    id,
    schemaVersion: SCHEMA_VERSION,
    teamId: lead.teamId,
    ownerId,
    createdAt: edit.now,
    updatedAt: edit.now,
    deletedAt: null,
    versions: Object.fromEntries([...Object.keys(fields), 'ownerId', 'deletedAt'].map((field) => [field, edit.stamp])),
    ...fields,
  };
}

/** The person removed from the lead: a tombstone, so that the removal reaches every device. */
export function removedContact(contact: Contact, edit: Pick<HandEdit, 'stamp' | 'now'>): Contact {
  if (contact.deletedAt !== null) return contact;
  return { ...contact, deletedAt: edit.now, updatedAt: edit.now, versions: { ...contact.versions, deletedAt: edit.stamp } };
}
