import { z } from 'zod';
import { Id, SyncedRecord, Timestamp, longText, shortText } from './common';
import { Stage } from './lead';

export const Channel = z.enum(['email', 'phone', 'meeting', 'video', 'wechat', 'visit', 'other']);
export const Direction = z.enum(['inbound', 'outbound']);
/** shared/domain.md §4: customer mood and feedback are recorded as facts of the touch. */
export const Mood = z.enum(['positive', 'hesitant', 'resistant']);
export const Feedback = z.enum(['positive', 'neutral', 'negative']);

/** shared/domain.md §3: Background, Pain points, Needs, Value, as these teams use BANT. */
export const Bant = z.object({
  background: longText.nullable(),
  painPoints: longText.nullable(),
  needs: longText.nullable(),
  value: longText.nullable(),
});

export const Participant = z.object({
  name: shortText.nullable(),
  email: z.email().max(254).nullable(),
  contactId: Id.nullable(),
});

/** A follow-up record (跟进记录). Append-mostly: corrections are edits, not new records. */
export const ActivityFields = z.object({
  leadId: Id,
  channel: Channel,
  direction: Direction,
  occurredAt: Timestamp,
  participants: z.array(Participant).max(500),
  subject: shortText.nullable(),
  summary: longText,
  bant: Bant,
  mood: Mood.nullable(),
  feedback: Feedback.nullable(),
  stageChange: z.object({ from: Stage, to: Stage }).nullable(),
  nextStep: shortText.nullable(),
  nextFollowUpAt: Timestamp.nullable(),
  /** Webmail ids that make logging the same email twice a no-op. */
  externalKey: z.string().max(500).nullable(),
});
export const Activity = SyncedRecord.extend(ActivityFields.shape);
export type Activity = z.infer<typeof Activity>;
