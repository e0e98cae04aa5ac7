import { z } from 'zod';
import { Id, SyncedRecord, shortText } from './common';

export const PreferredChannel = z.enum(['phone', 'email', 'meeting', 'wechat', 'other']);
/** The person's part in the buying decision (shared/domain.md §8, stakeholder map). */
export const DecisionRole = z.enum(['decision_maker', 'influencer', 'user', 'procurement', 'gatekeeper', 'unknown']);
export type DecisionRole = z.infer<typeof DecisionRole>;

export const ContactFields = z.object({
  leadId: Id,
  name: shortText.min(1),
  title: shortText.nullable(),
  phones: z.array(z.string().max(40)).max(20),
  emails: z.array(z.email().max(254)).max(20),
  preferredChannel: PreferredChannel.nullable(),
  decisionRole: DecisionRole,
  /** shared/domain.md §1: key facts are marked verified or not, with where they were checked. */
  verified: z.boolean(),
  notes: z.string().max(5000).nullable(),
  /** The pages the person was read from: with phones masked, where the rep looks the number up again. */
  pageUrls: z.array(z.string().max(4096)).max(20).default([]),
});
export type ContactFields = z.infer<typeof ContactFields>;
export const Contact = SyncedRecord.extend(ContactFields.shape);
export type Contact = z.infer<typeof Contact>;

/** What the rep may change of a person by hand (the lead and the pages they were read from are not edited). */
export const ContactPatch = ContactFields.pick({ name: true, title: true, phones: true, emails: true, preferredChannel: true, decisionRole: true, verified: true, notes: true }).partial();
export type ContactPatch = z.infer<typeof ContactPatch>;

/** A person the rep adds by hand: a name, and whatever else they know. */
export const NewContact = ContactPatch.required({ name: true });
export type NewContact = z.infer<typeof NewContact>;
