import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * What a webmail adapter reads from the page, in the shapes that cross from the content script to the
 * background (which parses them again: content scripts live inside pages that can be hostile).
 */
export const Webmail = z.enum(['gmail', 'outlook']);
export type Webmail = z.infer<typeof Webmail>;

/** A mailbox as the page shows it; the address is lower-cased and syntax-checked by `parseAddress`. */
export const MailAddress = z.object({
  name: z.string().max(LIMITS.nameChars).nullable(),
  address: z.string().min(3).max(LIMITS.addressChars),
});
export type MailAddress = z.infer<typeof MailAddress>;

/** Why part of a thread was not read: a code the UI can translate, how many, and a line for the log. */
export const SkipCode = z.enum([
  'collapsed',
  'hidden-older',
  'message-cap',
  'body-cut',
  'thread-body-cap',
  'recipient-cap',
  'malformed-address',
  'no-sender-address',
  'provisional-id',
  'no-message-id',
]);
export type SkipCode = z.infer<typeof SkipCode>;
export const SkipNote = z.object({
  code: SkipCode,
  count: z.number().int().min(1),
  detail: z.string().max(300),
});
export type SkipNote = z.infer<typeof SkipNote>;

export const WebmailMessage = z.object({
  /** The webmail's own id, stable across reloads and tabs (Gmail: the API id; Outlook: see outlook.ts). */
  messageId: z.string().min(1).max(200),
  sender: MailAddress,
  to: z.array(MailAddress).max(LIMITS.recipients),
  cc: z.array(MailAddress).max(LIMITS.recipients),
  /** ISO instant, or null when the page's date could not be read. */
  date: z.iso.datetime().nullable(),
  /** Visible text with line breaks, quoted history of replies left out; capped at LIMITS.bodyChars. */
  bodyText: z.string().max(LIMITS.bodyChars),
});
export type WebmailMessage = z.infer<typeof WebmailMessage>;

/** A collapsed message: only its sender and date are on the page, enough to match it to a lead. */
export const UnexpandedMessage = z.object({
  sender: MailAddress.nullable(),
  date: z.iso.datetime().nullable(),
});
export type UnexpandedMessage = z.infer<typeof UnexpandedMessage>;

export const WebmailThread = z.object({
  webmail: Webmail,
  threadId: z.string().min(1).max(300),
  subject: z.string().max(LIMITS.subjectChars),
  /** Oldest first, as the page shows them (Outlook's newest-on-top order is reversed). */
  messages: z.array(WebmailMessage).min(1).max(LIMITS.messages),
  unexpanded: z.array(UnexpandedMessage).max(LIMITS.unexpanded),
  skipped: z.array(SkipNote).max(20),
});
export type WebmailThread = z.infer<typeof WebmailThread>;

/** What could be read of a thread the adapter failed on: pre-fills manual logging. */
export const PartialThread = z.object({
  threadId: z.string().max(300).nullable(),
  subject: z.string().max(LIMITS.subjectChars).nullable(),
  addresses: z.array(MailAddress).max(LIMITS.partialAddresses),
  bodyText: z.string().max(LIMITS.bodyChars).nullable(),
});
export type PartialThread = z.infer<typeof PartialThread>;

export const UnreadableReason = z.enum(['no-thread-id', 'no-messages', 'no-readable-message']);
export type UnreadableReason = z.infer<typeof UnreadableReason>;

/**
 * The page says a thread is open; either the adapter read it, or it says plainly that it could not (the
 * webmail changed its markup), with what it could read. Never a silent no-op.
 */
export const ThreadRead = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), thread: WebmailThread }),
  z.object({ status: z.literal('unreadable'), webmail: Webmail, reason: UnreadableReason, partial: PartialThread }),
]);
export type ThreadRead = z.infer<typeof ThreadRead>;

/** One open compose window (or inline reply) and its recipients. */
export const ComposeRead = z.object({
  webmail: Webmail,
  to: z.array(MailAddress).max(LIMITS.recipients),
  cc: z.array(MailAddress).max(LIMITS.recipients),
  bcc: z.array(MailAddress).max(LIMITS.recipients),
  subject: z.string().max(LIMITS.subjectChars).nullable(),
  skipped: z.array(SkipNote).max(20),
});
export type ComposeRead = z.infer<typeof ComposeRead>;

/** The same exported shape for every webmail: one object per file in lib/webmail/. */
export interface WebmailAdapter {
  readonly webmail: Webmail;
  /** Match patterns for the content script's `matches` (and host permissions). */
  readonly matches: readonly string[];
  /** True when the page says a thread is open: its URL or its markup, independently of the hooks read below. */
  isThreadOpen(doc: Document, url?: string): boolean;
  /**
   * A cheap string that changes when the open thread changes (another thread, a new or expanded message),
   * for the content script to compare on DOM mutations before calling `readThread`. Empty when none is open.
   */
  threadSignature(doc: Document, url?: string): string;
  /** Reads the open thread; null when none is open. */
  readThread(doc: Document, url?: string): ThreadRead | null;
  /** The recipients of every open compose window or inline reply. */
  readCompose(doc: Document): ComposeRead[];
  /** The signed-in account's address when the page shows it, to tell the rep's messages from others'. */
  readAccountAddress(doc: Document): string | null;
}
