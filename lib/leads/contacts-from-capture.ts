import { z } from 'zod';
import { unique } from './captured-values';
import { isDeepStrictEqualJson } from './json-equal';
import { maskPhone } from '../privacy';
import { SCHEMA_VERSION, type Contact, type ContactFields, type Hlc, type PersonCapture } from '../schema';

const Email = z.email().max(254);
const MAX_EMAILS = 20;
const MAX_PHONES = 20;
const MAX_PAGES = 20;

export interface ContactWrite {
  leadId: string;
  pageUrl: string;
  stamp: Hlc;
  now: string;
  ownerId: string | null;
  teamId: string | null;
  /** shared/domain.md §7: a contact's numbers are stored masked unless the team turned masking off. */
  maskPhones: boolean;
  newId: () => string;
}

/** A person's name reduced for matching: case, width and spacing do not make two people. */
export function personKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The same person: the same name, or an email address in common. */
export function isSamePerson(a: { name: string; emails: readonly string[] }, b: { name: string; emails: readonly string[] }): boolean {
  return personKey(a.name) === personKey(b.name) || a.emails.some((email) => b.emails.includes(email));
}

/**
 * The people a capture names, as Contact records of the lead: a person already among `existing` (same name
 * or a shared email) gains what is new (emails, phones, a title where none was known, the page); anyone else
 * is added. Returns only the contacts to write, new or changed.
 */
export function contactsFromCapture(existing: readonly Contact[], people: readonly PersonCapture[], write: ContactWrite): Contact[] {
  const contacts = existing.filter((contact) => contact.deletedAt === null).map((contact) => ({ contact, changed: false }));
  for (const person of people) {
    const name = person.name.value.trim().slice(0, 300).trim();
    if (!name) continue;
    const found: Pick<ContactFields, 'name' | 'title' | 'emails' | 'phones' | 'pageUrls'> = {
      name,
      title: person.title?.value.trim().slice(0, 300).trim() || null,
      emails: unique(person.emails.map((email) => email.trim().toLowerCase()).filter((email) => Email.safeParse(email).success)),
      phones: unique(person.phones.map((phone) => (write.maskPhones ? maskPhone(phone) : phone))),
      pageUrls: [write.pageUrl],
    };
    const match = contacts.find(({ contact }) => isSamePerson(contact, found));
    if (match) {
      const merged = mergeContactFields(match.contact, found, write.stamp, write.now);
      if (merged !== match.contact) Object.assign(match, { contact: merged, changed: true });
    } else {
      contacts.push({ contact: newContact(found, write), changed: true });
    }
  }
  return contacts.filter(({ changed }) => changed).map(({ contact }) => contact);
}

/** Adds what `from` knows to `into` (lists unioned, a blank title filled), stamping the fields that change. */
export function mergeContactFields(
  into: Contact,
  from: Pick<ContactFields, 'title' | 'emails' | 'phones' | 'pageUrls'>,
  stamp: Hlc,
  now: string,
): Contact {
  const next: Pick<ContactFields, 'title' | 'emails' | 'phones' | 'pageUrls'> = {
    title: into.title ?? from.title,
    emails: unique([...into.emails, ...from.emails]).slice(0, MAX_EMAILS),
    phones: unique([...into.phones, ...from.phones]).slice(0, MAX_PHONES),
    pageUrls: unique([...into.pageUrls, ...from.pageUrls]).slice(0, MAX_PAGES),
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((field) => !isDeepStrictEqualJson(into[field], next[field]));
  if (changed.length === 0) return into;
  const contact: Contact = { ...into, ...next, versions: { ...into.versions }, updatedAt: now };
  for (const field of changed) contact.versions[field] = stamp;
  return contact;
}

function newContact(found: Pick<ContactFields, 'name' | 'title' | 'emails' | 'phones' | 'pageUrls'>, write: ContactWrite): Contact {
  const fields: ContactFields = {
    leadId: write.leadId,
    ...found,
    emails: found.emails.slice(0, MAX_EMAILS),
    phones: found.phones.slice(0, MAX_PHONES),
    preferredChannel: null,
    decisionRole: 'unknown',
    verified: false,
    notes: null,
  };
  return {
    id: write.newId(),
    schemaVersion: SCHEMA_VERSION,
    teamId: write.teamId,
    ownerId: write.ownerId,
    createdAt: write.now,
    updatedAt: write.now,
    deletedAt: null,
    versions: Object.fromEntries(Object.keys(fields).map((field) => [field, write.stamp])),
    ...fields,
  };
}
