/**
 * Caps on what one read of a thread does, so a hostile or huge thread (issue #5: 500 messages, a 5 MB body,
 * 200 recipients) costs bounded work. What a cap leaves out is reported as a skip note, never dropped silently.
 */
export const LIMITS = {
  /** Messages read per thread, newest first: the one a rep logs is almost always among the latest. */
  messages: 200,
  /** Characters of one message's body that are read (an activity keeps at most 20,000). */
  bodyChars: 100_000,
  /** Characters of body read for the whole thread; older messages past it are read without a body. */
  threadBodyChars: 1_000_000,
  /** Recipients (to and cc together) kept per message. */
  recipients: 200,
  /** Characters of a subject, a name or an address as read from the page. */
  subjectChars: 1_000,
  nameChars: 300,
  addressChars: 254,
  /** Unexpanded (collapsed) messages whose sender is still noted for matching. */
  unexpanded: 500,
  /** Addresses kept in a partial read of a thread the adapter could not read. */
  partialAddresses: 200,
} as const;
