import { v7 as uuidv7 } from 'uuid';
import { applyContactPatch, contactByHand, removedContact } from '../leads/contact-edits';
import { Contact, type ContactPatch, type Lead, type NewContact } from '../schema';
import { toLead } from './company-lookup';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import { LeadStoreError, StoreErrorCode } from './errors';

export interface HandEditOptions {
  now?: Date;
  maskPhones: boolean;
  /** The signed-in rep, who owns the people they add (null signed out). */
  ownerId?: string | null;
}

/** The rep's own edits of a lead's people: add one, change one (its role in the decision above all), remove one. */
export class ContactEditor {
  constructor(private readonly db: SidecarDatabase) {}

  /** Adds a person to a lead; resolves with the person and the lead (to re-score). */
  add(leadId: string, input: NewContact, options: HandEditOptions): Promise<{ contact: Contact; lead: Lead }> {
    return this.write(async (now, stamp) => {
      const lead = await this.liveLead(leadId);
      const contact = Contact.parse(contactByHand(input, lead, options.ownerId ?? null, uuidv7(), { stamp, now, maskPhones: options.maskPhones }));
      await this.db.contacts.add(contact);
      return { contact, lead };
    }, options.now);
  }

  /** Changes a person; nothing is written when nothing changes. */
  update(id: string, patch: ContactPatch, options: HandEditOptions): Promise<{ contact: Contact; lead: Lead }> {
    return this.write(async (now, stamp) => {
      const existing = await this.liveContact(id);
      const lead = await this.liveLead(existing.leadId);
      const next = applyContactPatch(existing, patch, { stamp, now, maskPhones: options.maskPhones });
      if (next === existing) return { contact: existing, lead };
      const contact = Contact.parse(next);
      await this.db.contacts.put(contact);
      return { contact, lead };
    }, options.now);
  }

  /** Removes a person from a lead (a tombstone that reaches every device). */
  remove(id: string, options: Pick<HandEditOptions, 'now'> = {}): Promise<{ lead: Lead }> {
    return this.write(async (now, stamp) => {
      const existing = await this.liveContact(id);
      const lead = await this.liveLead(existing.leadId);
      await this.db.contacts.put(removedContact(existing, { stamp, now }));
      return { lead };
    }, options.now);
  }

  private write<T>(work: (now: string, stamp: string) => Promise<T>, at = new Date()): Promise<T> {
    const { db } = this;
    return db.transaction('rw', [db.leads, db.contacts, db.meta], async () => work(at.toISOString(), await nextStamp(db, at.getTime())));
  }

  private async liveLead(id: string): Promise<Lead> {
    const row = await this.db.leads.get(id);
    if (!row || row.deletedAt) throw new LeadStoreError(StoreErrorCode.NotFound, 'That lead no longer exists.');
    return toLead(row);
  }

  private async liveContact(id: string): Promise<Contact> {
    const contact = await this.db.contacts.get(id);
    if (!contact || contact.deletedAt) throw new LeadStoreError(StoreErrorCode.NotFound, 'That person is no longer on the lead.');
    return contact;
  }
}
