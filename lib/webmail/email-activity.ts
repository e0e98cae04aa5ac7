import { z } from 'zod';
import { ActivityFields, Participant } from '../schema';
import { emailExternalKey, threadKeyOf } from './external-key';
import { messageDirection, type OwnIdentity } from './participants';
import { neverLogTest, type BodyRetention, type WebmailPrivacy } from './privacy';
import { ownText } from './quoted-history';
import type { MailAddress, PartialThread, WebmailThread } from './types';

/** An Activity before it is filed on a lead: the background adds the lead, ids and sync fields. */
export const EmailActivityDraft = ActivityFields.omit({ leadId: true });
export type EmailActivityDraft = z.infer<typeof EmailActivityDraft>;

/** The record's limits (lib/schema): participants 500, subject 300, summary 20,000; 200 recipients per email here. */
const MAX_PARTICIPANTS = 201;
const MAX_SUBJECT = 300;
const MAX_SUMMARY = 20_000;

export const DraftNoteCode = z.enum(['participant-cap', 'malformed-participant', 'excluded-participant', 'body-withheld', 'summary-cut', 'no-date', 'subject-cut']);
export type DraftNoteCode = z.infer<typeof DraftNoteCode>;
export interface DraftNote {
  code: DraftNoteCode;
  count: number;
}

export type EmailDraftResult =
  | { status: 'ok'; draft: EmailActivityDraft; threadKey: string; notes: DraftNote[] }
  /** The sender is on the never-log list: nothing of the email is logged. */
  | { status: 'excluded' }
  | { status: 'no-such-message' };

export interface EmailDraftInput {
  thread: WebmailThread;
  /** The message to log; the thread's latest when omitted. */
  messageId?: string;
  own: OwnIdentity;
  privacy: WebmailPrivacy;
  /** When the page shows no date, the activity is dated now (and a note says so). */
  now?: Date;
}

/**
 * The Activity draft for "Log this email": channel email, direction from the rep's own addresses,
 * participants, subject, date, a summary the rep edits (the body as much as the retention setting keeps),
 * and `externalKey` from the thread and message ids so logging it again is a no-op. A sender on the
 * never-log list is not logged at all; when a recipient is on it, that person is left out and no body is kept.
 */
export function buildEmailActivityDraft(input: EmailDraftInput): EmailDraftResult {
  const { thread, own, privacy } = input;
  const message = input.messageId ? thread.messages.find((m) => m.messageId === input.messageId) : thread.messages.at(-1);
  if (!message) return { status: 'no-such-message' };
  const neverLog = neverLogTest(privacy.neverLog);
  if (neverLog(message.sender.address)) return { status: 'excluded' };

  const notes = new Map<DraftNoteCode, number>();
  const note = (code: DraftNoteCode, count = 1) => count > 0 && notes.set(code, (notes.get(code) ?? 0) + count);
  const participants = draftParticipants([message.sender, ...message.to, ...message.cc], neverLog, note);
  const anyExcluded = (notes.get('excluded-participant') ?? 0) > 0;
  if (anyExcluded && privacy.bodyRetention.mode !== 'none') note('body-withheld');
  const summary = anyExcluded ? '' : retainedBody(message.bodyText, privacy.bodyRetention, note);
  const subject = thread.subject.trim();
  if (subject.length > MAX_SUBJECT) note('subject-cut');
  if (!message.date) note('no-date');

  const draft = EmailActivityDraft.parse({
    channel: 'email',
    direction: messageDirection(message, own),
    occurredAt: message.date ?? (input.now ?? new Date()).toISOString(),
    participants,
    subject: subject ? subject.slice(0, MAX_SUBJECT) : null,
    summary,
    bant: { background: null, painPoints: null, needs: null, value: null },
    mood: null,
    feedback: null,
    stageChange: null,
    nextStep: null,
    nextFollowUpAt: null,
    externalKey: emailExternalKey(thread.webmail, thread.threadId, message.messageId),
  });
  return { status: 'ok', draft, threadKey: threadKeyOf(thread.webmail, thread.threadId), notes: [...notes].map(([code, count]) => ({ code, count })) };
}

/**
 * The draft for logging by hand when the adapter could not read the thread: what it did read, pre-filled,
 * and no externalKey (without message ids a second manual log cannot be told from the first).
 */
export function buildManualEmailDraft(partial: PartialThread, privacy: WebmailPrivacy, now: Date = new Date()): { draft: EmailActivityDraft; notes: DraftNote[] } {
  const neverLog = neverLogTest(privacy.neverLog);
  const notes = new Map<DraftNoteCode, number>();
  const note = (code: DraftNoteCode, count = 1) => count > 0 && notes.set(code, (notes.get(code) ?? 0) + count);
  const participants = draftParticipants(partial.addresses, neverLog, note);
  const anyExcluded = (notes.get('excluded-participant') ?? 0) > 0;
  const summary = anyExcluded || !partial.bodyText ? '' : retainedBody(partial.bodyText, privacy.bodyRetention, note);
  const subject = partial.subject?.trim() ?? '';
  const draft = EmailActivityDraft.parse({
    channel: 'email',
    direction: 'inbound',
    occurredAt: now.toISOString(),
    participants,
    subject: subject ? subject.slice(0, MAX_SUBJECT) : null,
    summary,
    bant: { background: null, painPoints: null, needs: null, value: null },
    mood: null,
    feedback: null,
    stageChange: null,
    nextStep: null,
    nextFollowUpAt: null,
    externalKey: null,
  });
  return { draft, notes: [...notes].map(([code, count]) => ({ code, count })) };
}

/** Mailboxes as Activity participants: valid for the record's schema, none excluded, at most MAX_PARTICIPANTS. */
function draftParticipants(mailboxes: MailAddress[], neverLog: (address: string) => boolean, note: (code: DraftNoteCode, count?: number) => unknown) {
  const seen = new Set<string>();
  const participants: Array<z.infer<typeof Participant>> = [];
  for (const mailbox of mailboxes) {
    if (seen.has(mailbox.address)) continue;
    seen.add(mailbox.address);
    if (neverLog(mailbox.address)) {
      note('excluded-participant');
      continue;
    }
    const parsed = Participant.safeParse({ name: mailbox.name?.slice(0, 300) ?? null, email: mailbox.address, contactId: null });
    if (!parsed.success) {
      note('malformed-participant');
      continue;
    }
    if (participants.length >= MAX_PARTICIPANTS) {
      note('participant-cap');
      continue;
    }
    participants.push(parsed.data);
  }
  return participants;
}

/** The message's own text (quoted history cut off) as much as the retention setting keeps. */
function retainedBody(body: string, retention: BodyRetention, note: (code: DraftNoteCode) => unknown): string {
  if (retention.mode === 'none') return '';
  const text = ownText(body);
  const limit = retention.mode === 'first' ? retention.chars : MAX_SUMMARY;
  if (text.length > limit && retention.mode === 'all') note('summary-cut');
  return text.slice(0, limit);
}
