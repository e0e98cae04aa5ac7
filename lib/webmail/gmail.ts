import { mailboxFromAttributes, normalizeAddress, parseMailbox } from './addresses';
import { parseMailDate } from './dates';
import { firstMatch, inputValue, isHidden, shortText } from './dom-text';
import { LIMITS } from './limits';
import { BodyBudget, SkipNotes, capRecipients, newest, uniqueMailboxes } from './thread-assembly';
import type { ComposeRead, MailAddress, ThreadRead, WebmailAdapter, WebmailMessage } from './types';

/**
 * Gmail's thread view, read through the hooks open-source extensions rely on (see ../../shared/webmail-dom.md
 * for sources and dates): ids and `email` attributes first, class names only as fallbacks.
 * GJ = gmail.js src/gmail.js, IS = InboxSDK dom-driver/gmail, FC = FlowCrypt gmail-element-replacer, TL = trimless-gmail.
 */
const SELECTORS = {
  /** The visible subject carries the thread ids (GJ, IS gmail-thread-view). */
  subject: 'h2[data-legacy-thread-id], h2[data-thread-perm-id], .ha h2.hP',
  /** Since 2022-10 `.a98.iY`; `table.Bs` before 2023-11 (IS gmail-element-getter). */
  threadRoot: ['.a98.iY', '.g.id', 'table.Bs', '[role="main"]'],
  /** An expanded message (GJ, FC); ids appear only once expanded. */
  message: '[data-message-id]',
  /** Collapsed items show sender and date only; `.kQ`/`.kx` are hidden behind "N older" (IS getViewState). */
  collapsed: '.kv',
  hiddenOlder: '.kQ, .kx',
  sender: ['h3.iw span.gD[email]', 'span.gD[email]', 'h3 [email]'],
  /** Shown recipients (no to/cc split) (GJ, IS). */
  recipients: '.hb [email]',
  /** The details popup's rows split to and cc (IS get-updated-contact.ts). */
  detailRows: '.ajA .ajC, .ajA tr',
  date: ['span.g3[title]', '.g3'],
  body: ['div.a3s', 'div.ii.gt'],
  /** Quoted history of a reply and Gmail's trimmed content (TL): they belong to earlier messages. */
  bodyExclude: '.h5, .adm, .ajU, .ajV, blockquote.gmail_quote, .gmail_extra',
  /** Compose: recipient chips carry the address as hovercard id (IS compose page-parser, GJ); pre-2021 hidden inputs. */
  composeField: (field: string) => `[name="${field}"] [data-hovercard-id], [name="${field}"][data-hovercard-id], .vR input[type="hidden"][name="${field}"]`,
  composeTo: '[name="to"]',
  composeRoot: '[role="dialog"], form, .M9',
  composeSubject: 'input[name="subjectbox"]',
  account: 'header [aria-label*="@"], a[aria-label*="@"][href*="accounts.google.com"]',
  listItem: '[role="list"] > [role="listitem"]',
} as const;

/**
 * "#inbox/FMfcgzQXJWDs…", "#label/Clients/…", "#search/acme/…", maybe "?compose=new" after: a thread token ends
 * the hash (TL: routing by hash). Tokens are 16 hex digits (old) or long opaque strings; a label name is shorter.
 */
const THREAD_HASH = /#[^?]*\/(?:[0-9a-f]{16}|[A-Za-z0-9_-]{24,})(?:\?.*)?$/;

export const gmailAdapter: WebmailAdapter = {
  webmail: 'gmail',
  matches: ['https://mail.google.com/*'],
  isThreadOpen,
  threadSignature,
  readThread,
  readCompose,
  readAccountAddress,
};

function isThreadOpen(doc: Document, url = doc.location?.href ?? ''): boolean {
  if (THREAD_HASH.test(url)) return true;
  return visibleSubject(doc) !== null || doc.querySelector(`[role="main"] ${SELECTORS.message}`) !== null;
}

function threadSignature(doc: Document, url = doc.location?.href ?? ''): string {
  if (!isThreadOpen(doc, url)) return '';
  const ids = Array.from(doc.querySelectorAll('h2[data-legacy-thread-id]'), (h2) => h2.getAttribute('data-legacy-thread-id')).join(',');
  return `gmail|${url.slice(url.indexOf('#'))}|${ids}|${doc.querySelectorAll(SELECTORS.message).length}|${doc.querySelectorAll('.a3s').length}`;
}

function readThread(doc: Document, url = doc.location?.href ?? ''): ThreadRead | null {
  if (!isThreadOpen(doc, url)) return null;
  const subjectElement = visibleSubject(doc);
  const root = (subjectElement && closestOf(subjectElement, SELECTORS.threadRoot)) ?? visibleMain(doc);
  // Without the hooks, the visible subject is still the view's only h2 (GJ): enough for manual logging.
  const subjectShown = subjectElement ?? root?.querySelector('h2') ?? null;
  const subject = subjectShown ? subjectText(subjectShown) : null;
  const threadId = subjectElement ? threadIdOf(subjectElement) : null;
  const notes = new SkipNotes();
  const elements = root ? Array.from(root.querySelectorAll(SELECTORS.message)).filter((element) => !isHidden(element)) : [];
  const { kept, dropped } = newest(elements, LIMITS.messages);
  notes.add('message-cap', dropped, `older messages past ${LIMITS.messages} not read`);

  const budget = new BodyBudget(notes);
  const lang = doc.documentElement?.getAttribute('lang') || 'en-US';
  const messages: WebmailMessage[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const message = readMessage(kept[i]!, budget, notes, lang);
    if (message) messages.push(message);
  }
  messages.reverse();
  const unexpanded = root ? readUnexpanded(root, notes, lang) : [];

  if (!threadId || messages.length === 0) {
    const addresses = uniqueMailboxes(
      [...messages.flatMap((m) => [m.sender, ...m.to, ...m.cc]), ...unexpanded.map((u) => u.sender), ...attributeMailboxes(root ?? doc)],
      LIMITS.partialAddresses,
    );
    const reason = !threadId ? 'no-thread-id' : elements.length === 0 ? 'no-messages' : 'no-readable-message';
    const bodyText = messages.at(-1)?.bodyText ?? lastItemText(root, notes);
    return { status: 'unreadable', webmail: 'gmail', reason, partial: { threadId, subject, addresses, bodyText } };
  }
  return { status: 'ok', thread: { webmail: 'gmail', threadId, subject: subject ?? '', messages, unexpanded, skipped: notes.list() } };
}

function readMessage(element: Element, budget: BodyBudget, notes: SkipNotes, lang: string): WebmailMessage | null {
  const messageId = messageIdOf(element);
  if (messageId === 'provisional') {
    notes.add('provisional-id', 1, 'a message just sent has no permanent id yet: it can be logged once Gmail assigns one (reload)');
    return null;
  }
  if (!messageId) {
    notes.add('no-message-id', 1, 'a message without a readable id was not read');
    return null;
  }
  const senderElement = firstMatch(element, SELECTORS.sender);
  const sender = senderElement ? mailboxFromAttributes(senderElement.getAttribute('email'), senderElement.getAttribute('name') ?? senderElement.textContent) : null;
  if (!sender) {
    notes.add('no-sender-address', 1, 'a message whose sender shows no address was not read');
    return null;
  }
  const { to, cc } = capRecipients(...readRecipients(element, sender, notes), notes);
  const dateElement = firstMatch(element, SELECTORS.date);
  const date = parseMailDate(dateElement?.getAttribute('title') || shortText(dateElement, 200), lang);
  const bodyText = budget.read(firstMatch(element, SELECTORS.body), SELECTORS.bodyExclude);
  return { messageId, sender, to, cc, date, bodyText };
}

/** To and cc from the details popup when it is in the page, else every shown recipient as "to". */
function readRecipients(element: Element, sender: MailAddress, notes: SkipNotes): [MailAddress[], MailAddress[]] {
  const to: MailAddress[] = [];
  const cc: MailAddress[] = [];
  const rows = element.querySelectorAll(SELECTORS.detailRows);
  let split = false;
  for (let i = 0; i < rows.length && i < 20; i++) {
    const label = shortText(rows[i]!.firstElementChild, 40).toLowerCase();
    const list = /^(?:to|收件人|an|à|para|destinataire)\b|^收件人/.test(label) ? to : /^(?:cc|抄送|kopie)\b|^抄送/.test(label) ? cc : null;
    if (!list) continue;
    split = true;
    collect(rows[i]!.querySelectorAll('[email]'), list, notes);
  }
  if (!split) collect(element.querySelectorAll(SELECTORS.recipients), to, notes);
  // Gmail lists the sender among the shown recipients of a reply-all; the sender is not their own recipient.
  return [to.filter((m) => m.address !== sender.address), cc.filter((m) => m.address !== sender.address)];
}

function collect(elements: NodeListOf<Element>, into: MailAddress[], notes: SkipNotes): void {
  const limit = Math.min(elements.length, LIMITS.recipients * 2);
  for (let i = 0; i < limit; i++) {
    const mailbox = mailboxFromAttributes(elements[i]!.getAttribute('email'), elements[i]!.getAttribute('name'));
    if (mailbox) into.push(mailbox);
    else notes.add('malformed-address', 1, 'recipients with a malformed address were left out');
  }
  notes.add('recipient-cap', elements.length - limit, `recipients past ${LIMITS.recipients} per message not read`);
}

function readUnexpanded(root: Element, notes: SkipNotes, lang: string): Array<{ sender: MailAddress | null; date: string | null }> {
  const collapsed = root.querySelectorAll(SELECTORS.collapsed);
  const { kept, dropped } = newest(collapsed, LIMITS.unexpanded);
  notes.add('collapsed', collapsed.length, 'collapsed messages show only their sender and date: expand them to log them');
  notes.add('message-cap', dropped, `collapsed messages past ${LIMITS.unexpanded} not read`);
  const hidden = root.querySelectorAll(SELECTORS.hiddenOlder).length;
  notes.add('hidden-older', hidden, 'older messages are hidden behind "N older": open them to log them');
  return kept.map((item) => {
    const senderElement = item.querySelector('[email]');
    const dateElement = firstMatch(item, SELECTORS.date);
    return {
      sender: senderElement ? mailboxFromAttributes(senderElement.getAttribute('email'), senderElement.getAttribute('name')) : null,
      date: parseMailDate(dateElement?.getAttribute('title') || shortText(dateElement, 200), lang),
    };
  });
}

/**
 * The Gmail API message id: `data-legacy-message-id` (hex), or the same number written in decimal in
 * `data-message-id="#msg-f:<n>"` (InboxSDK converts between them), so either hook yields one key.
 * `#msg-a:` marks a reply just sent, whose id changes on reload: not loggable yet.
 */
function messageIdOf(element: Element): string | 'provisional' | null {
  const legacy = element.getAttribute('data-legacy-message-id');
  if (legacy && /^[0-9a-f]{6,32}$/i.test(legacy)) return legacy.toLowerCase();
  const id = element.getAttribute('data-message-id') ?? '';
  if (/^#?msg-a:/.test(id)) return 'provisional';
  const decimal = /^#?msg-f:(\d{1,25})$/.exec(id)?.[1];
  return decimal ? BigInt(decimal).toString(16) : null;
}

/** The hex thread id, or the decimal perm id converted (it can be missing or "undefined" since 2025-11: IS). */
function threadIdOf(subject: Element): string | null {
  const legacy = subject.getAttribute('data-legacy-thread-id');
  if (legacy && /^[0-9a-f]{6,32}$/i.test(legacy)) return legacy.toLowerCase();
  const decimal = /^thread-f:(\d{1,25})$/.exec(subject.getAttribute('data-thread-perm-id') ?? '')?.[1];
  return decimal ? BigInt(decimal).toString(16) : null;
}

/** Emoji in subjects are images with their character in `data-emoji` (GJ). */
function subjectText(subject: Element): string {
  let text = '';
  for (const node of Array.from(subject.childNodes)) {
    text += node.nodeType === 1 && (node as Element).tagName === 'IMG' ? ((node as Element).getAttribute('data-emoji') ?? '') : (node.textContent ?? '');
    if (text.length > LIMITS.subjectChars * 2) break;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, LIMITS.subjectChars);
}

function visibleSubject(doc: Document): Element | null {
  return Array.from(doc.querySelectorAll(SELECTORS.subject)).find((element) => !isHidden(element)) ?? null;
}

function closestOf(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = element.closest(selector);
    if (found) return found;
  }
  return null;
}

function visibleMain(doc: Document): Element | null {
  return Array.from(doc.querySelectorAll('[role="main"]')).find((element) => !isHidden(element)) ?? null;
}

/** The text of the thread's last list item (ARIA, not class names): a pre-fill for manual logging. */
function lastItemText(root: Element | null, notes: SkipNotes): string | null {
  const items = root?.querySelectorAll(SELECTORS.listItem);
  const last = items?.[items.length - 1];
  return last ? new BodyBudget(notes).read(last, SELECTORS.bodyExclude) || null : null;
}

/** Any `email` attribute in the view: what a partial read can still offer when the message hooks are gone. */
function attributeMailboxes(root: ParentNode): MailAddress[] {
  const elements = root.querySelectorAll('[email]');
  const found: MailAddress[] = [];
  for (let i = 0; i < elements.length && found.length < LIMITS.partialAddresses; i++) {
    const mailbox = mailboxFromAttributes(elements[i]!.getAttribute('email'), elements[i]!.getAttribute('name'));
    if (mailbox) found.push(mailbox);
  }
  return found;
}

function readCompose(doc: Document): ComposeRead[] {
  const roots = new Set<Element>();
  for (const field of Array.from(doc.querySelectorAll(SELECTORS.composeTo)).slice(0, 20)) {
    const root = field.closest(SELECTORS.composeRoot);
    if (root && !isHidden(root)) roots.add(root);
  }
  return [...roots].map((root) => {
    const notes = new SkipNotes();
    const read = (field: string) => {
      const found: MailAddress[] = [];
      const chips = root.querySelectorAll(SELECTORS.composeField(field));
      for (let i = 0; i < chips.length && i < LIMITS.recipients * 2; i++) {
        const chip = chips[i]!;
        const mailbox = chip.tagName === 'INPUT'
          ? parseMailbox(chip.getAttribute('value') ?? '')
          : mailboxFromAttributes(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name'));
        if (mailbox) found.push(mailbox);
        else notes.add('malformed-address', 1, 'recipients with a malformed address were left out');
      }
      return found;
    };
    const { to, cc } = capRecipients(read('to'), read('cc'), notes);
    const bcc = capRecipients(read('bcc'), [], notes).to;
    const subjectInput = root.querySelector(SELECTORS.composeSubject);
    const subject = subjectInput ? inputValue(subjectInput).slice(0, LIMITS.subjectChars) : null;
    return { webmail: 'gmail' as const, to, cc, bcc, subject, skipped: notes.list() };
  });
}

/** The account button's label names the signed-in address ("Google Account: Jane Rep (jane@acme.com)"). */
function readAccountAddress(doc: Document): string | null {
  for (const element of Array.from(doc.querySelectorAll(SELECTORS.account)).slice(0, 5)) {
    const match = /[^\s()<>"']+@[^\s()<>"']+/.exec(element.getAttribute('aria-label') ?? '');
    const address = normalizeAddress(match?.[0]);
    if (address) return address;
  }
  return null;
}
