import { stableHash } from './stable-hash';
import type { PartialThread, Webmail } from './types';

const PREFIX = 'email:v1';
/** Each id takes at most 220 characters, so a key stays under Activity.externalKey's 500. */
const MAX_PART = 220;

/**
 * The idempotency key of a logged email: webmail, thread id and message id, so the same message logged
 * twice (two tabs, a reload) is one activity, and a later reply has another key with the same thread key.
 */
export function emailExternalKey(webmail: Webmail, threadId: string, messageId: string): string {
  return `${threadKeyOf(webmail, threadId)}:${token(messageId)}`;
}

/**
 * The key of an email logged by hand from a thread the adapter could not read: made from what the page showed
 * (thread id, subject, addresses, the text read), so the same page logged again after a reload or from a
 * second tab is one activity. Null when the page showed nothing that tells this email from another.
 */
export function manualExternalKey(webmail: Webmail, partial: PartialThread): string | null {
  const shown = [partial.subject?.trim() ?? '', partial.addresses.map((address) => address.address.toLowerCase()).sort().join(','), (partial.bodyText ?? '').trim().slice(0, 2_000)];
  if (shown.every((part) => part === '')) return null;
  return emailExternalKey(webmail, partial.threadId ?? 'unread', `manual~${stableHash(shown.join('\n'))}`);
}

/** The part of every key of one thread's messages: find the thread's activities by this prefix plus ":". */
export function threadKeyOf(webmail: Webmail, threadId: string): string {
  return `${PREFIX}:${webmail}:${token(threadId)}`;
}

/** The webmail and thread key of an activity's externalKey; null when it is not an email key. */
export function parseEmailExternalKey(key: string): { webmail: Webmail; threadKey: string; messageToken: string } | null {
  const match = /^email:v1:(gmail|outlook):([^:]+):([^:]+)$/.exec(key);
  if (!match) return null;
  const webmail = match[1] as Webmail;
  return { webmail, threadKey: `${PREFIX}:${webmail}:${match[2]}`, messageToken: match[3]! };
}

/** URI-encoded so ":" in an id cannot shift the parts; a long id is replaced by "~" and its hash. */
function token(id: string): string {
  const encoded = encodeURIComponent(id);
  return encoded.length <= MAX_PART ? encoded : `~${stableHash(id)}`;
}
