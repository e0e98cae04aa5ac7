import { z } from 'zod';
import { Activity, Bant, Channel, Direction, Feedback, Id, Lead, Mood, Stage, Task, Timestamp, longText, shortText } from '../schema';
import { ComposeRead, DraftNoteCode, EmailActivityDraft, MailAddress, PartialThread, ThreadRead, UnreadableReason, Webmail, WebmailThread } from '../webmail';
import { LIMITS } from '../webmail/limits';

/** The signed-in account as the page shows it: tells the rep's own messages from others'. */
const AccountAddress = z.email().max(254).nullable();

/** A lead as the webmail panel shows it: tier and stage on the lead, its last touches and open tasks. */
export const WebmailLeadSummary = z.object({
  lead: Lead,
  lastTouches: z.array(
    z.object({ id: Id, occurredAt: Timestamp, channel: Channel, direction: Direction, subject: z.string().nullable(), summary: z.string().max(300) }),
  ),
  openTasks: z.array(Task),
});
export type WebmailLeadSummary = z.infer<typeof WebmailLeadSummary>;

/** A company on the thread (by registrable domain), its people there, and its lead when there is one. */
export const WebmailCompany = z.object({
  domain: z.string(),
  people: z.array(MailAddress),
  match: WebmailLeadSummary.nullable(),
});
export type WebmailCompany = z.infer<typeof WebmailCompany>;

const DraftNoteValue = z.object({ code: DraftNoteCode, count: z.number().int() });

/** What logging one message would store, as the background built it (privacy applied); the rep edits it. */
export const WebmailMessageDraft = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), messageId: z.string(), sender: MailAddress, draft: EmailActivityDraft, notes: z.array(DraftNoteValue), loggedActivityId: Id.nullable(), loggedLeadId: Id.nullable() }),
  z.object({ status: z.literal('excluded'), messageId: z.string(), sender: MailAddress }),
]);
export type WebmailMessageDraft = z.infer<typeof WebmailMessageDraft>;

/** The rep's edits of a draft before it is stored (shared/domain.md §4: BANT, mood, feedback, stage, next step). */
export const EmailLogEdits = z.object({
  summary: longText,
  bant: Bant,
  mood: Mood.nullable(),
  feedback: Feedback.nullable(),
  stageTo: Stage.nullable(),
  nextStep: shortText.nullable(),
  /** Becomes a task with a reminder at that time. */
  nextFollowUpAt: Timestamp.nullable(),
});
export type EmailLogEdits = z.infer<typeof EmailLogEdits>;

const LogResult = z.object({ activity: Activity, created: z.boolean(), task: Task.nullable(), lead: Lead });

export const webmailProtocol = {
  /** Webmail content script, while the rep writes a new email: the leads of the companies it is addressed to. */
  'webmail.composeView': {
    request: z.object({ compose: ComposeRead, account: AccountAddress }),
    response: z.object({ companies: z.array(WebmailCompany), skipped: z.array(z.string()) }),
  },
  /**
   * Webmail content script: what the open thread is to the rep: the companies on it with their leads, the lead
   * its earlier messages were logged on, and a draft per recent message; or, when the adapter could not read it,
   * the failure (counted) and a draft for logging by hand.
   */
  'webmail.view': {
    request: z.object({ read: ThreadRead, account: AccountAddress }),
    response: z.object({
      status: z.enum(['ok', 'unreadable']),
      reason: UnreadableReason.nullable(),
      companies: z.array(WebmailCompany),
      leftOut: z.array(z.object({ address: z.string(), reason: z.string() })),
      threadLeadId: Id.nullable(),
      drafts: z.array(WebmailMessageDraft),
      manual: z.object({ draft: EmailActivityDraft, notes: z.array(DraftNoteValue) }).nullable(),
      /** Bounds that left something out (too many companies on the thread). */
      skipped: z.array(z.string()),
    }),
  },
  /** Webmail: log one message of the thread on a lead; logging it again (reload, other tab) returns the same record. */
  'webmail.log': {
    request: z.object({ thread: WebmailThread, messageId: z.string().min(1).max(200), leadId: Id, account: AccountAddress, edits: EmailLogEdits }),
    response: LogResult,
  },
  /** Webmail: log by hand what could be read of a thread the adapter failed on (no key: it cannot be deduplicated). */
  'webmail.logManual': {
    request: z.object({
      webmail: Webmail,
      partial: PartialThread,
      leadId: Id,
      direction: Direction,
      occurredAt: Timestamp,
      subject: shortText.nullable(),
      edits: EmailLogEdits,
    }),
    response: LogResult,
  },
  /**
   * Webmail: a company with no lead: the lead from the domain and a sender's signature. The candidates are the
   * company's newest messages on the thread (sender and text); the background reads each signature and keeps the fullest.
   */
  'webmail.createLead': {
    request: z.object({
      domain: z.string().min(3).max(253),
      candidates: z.array(z.object({ person: MailAddress, bodyText: z.string().max(LIMITS.bodyChars) })).min(1).max(5),
      account: AccountAddress,
    }),
    response: z.object({ lead: Lead }),
  },
} as const;
