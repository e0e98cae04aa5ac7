import { blockText } from './dom-text';
import { LIMITS } from './limits';
import type { MailAddress, SkipCode, SkipNote } from './types';

/** Skip notes, one per code, counts added up (a 500-message thread gets one "message-cap" note, not 300). */
export class SkipNotes {
  private readonly notes = new Map<SkipCode, SkipNote>();

  add(code: SkipCode, count: number, detail: string): void {
    if (count <= 0) return;
    const existing = this.notes.get(code);
    if (existing) existing.count += count;
    else this.notes.set(code, { code, count, detail: detail.slice(0, 300) });
  }

  list(): SkipNote[] {
    return [...this.notes.values()];
  }
}

/** The newest `cap` items of a list in page order (oldest first), and how many older ones were left out. */
export function newest<T>(items: ArrayLike<T>, cap: number): { kept: T[]; dropped: number } {
  const all = Array.from(items);
  const dropped = Math.max(0, all.length - cap);
  return { kept: all.slice(dropped), dropped };
}

/**
 * Reads message bodies newest first within the thread's budget: past LIMITS.threadBodyChars older messages
 * are kept without their body, and each body stops at LIMITS.bodyChars.
 */
export class BodyBudget {
  private left: number = LIMITS.threadBodyChars;

  constructor(private readonly notes: SkipNotes) {}

  read(element: Element | null, exclude: string): string {
    if (!element) return '';
    if (this.left <= 0) {
      this.notes.add('thread-body-cap', 1, `bodies of older messages not read: the thread passed ${LIMITS.threadBodyChars.toLocaleString('en')} characters`);
      return '';
    }
    const { text, cut } = blockText(element, Math.min(LIMITS.bodyChars, this.left), exclude);
    this.left -= text.length;
    if (cut) this.notes.add('body-cut', 1, `body cut at ${LIMITS.bodyChars.toLocaleString('en')} characters`);
    return text;
  }
}

/** To and cc together capped at LIMITS.recipients (to first), de-duplicated, with a note of what was dropped. */
export function capRecipients(to: MailAddress[], cc: MailAddress[], notes: SkipNotes): { to: MailAddress[]; cc: MailAddress[] } {
  const seen = new Set<string>();
  const keep = (list: MailAddress[], room: number) => {
    const kept: MailAddress[] = [];
    for (const mailbox of list) {
      if (seen.has(mailbox.address)) continue;
      if (kept.length >= room) {
        notes.add('recipient-cap', 1, `recipients past ${LIMITS.recipients} per message not read`);
        continue;
      }
      seen.add(mailbox.address);
      kept.push(mailbox);
    }
    return kept;
  };
  const keptTo = keep(to, LIMITS.recipients);
  return { to: keptTo, cc: keep(cc, LIMITS.recipients - keptTo.length) };
}

/** Unique addresses from mailboxes in order, for a partial read. */
export function uniqueMailboxes(mailboxes: Iterable<MailAddress | null>, max: number): MailAddress[] {
  const seen = new Map<string, MailAddress>();
  for (const mailbox of mailboxes) {
    if (!mailbox) continue;
    const existing = seen.get(mailbox.address);
    if (existing) {
      existing.name ??= mailbox.name;
      continue;
    }
    if (seen.size >= max) break;
    seen.set(mailbox.address, { ...mailbox });
  }
  return [...seen.values()];
}
