import { normalizeAddress, parseAddressList, parseMailbox } from './addresses';
import { parseMailDate } from './dates';
import { blockText, firstMatch, inputValue, isHidden, shortText } from './dom-text';
import { LIMITS } from './limits';
import { stableHash } from './stable-hash';
import { BodyBudget, SkipNotes, capRecipients, newest, uniqueMailboxes } from './thread-assembly';
import type { ComposeRead, MailAddress, ThreadRead, UnexpandedMessage, WebmailAdapter, WebmailMessage } from './types';

/**
 * Outlook on the web's reading pane (outlook.office.com, outlook.office365.com, outlook.live.com), read
 * through `data-app-section`, `data-convid`, `UniqueMessageBody_` ids and ARIA (see ../../shared/webmail-dom.md):
 * its class names are generated and rotate (julian-alarcon/prospect-mail #346), so they are only fallbacks.
 * MV = mailvelope (outlookIntegration.js, outlook-dom-templates.js), AS = asana-chrome-extension
 * outlook-content.ts, BR = Briskine plugins/outlook.js, WD = wd-extension-poc consts.ts.
 */
const SELECTORS = {
  readingPane: '#ConversationReadingPaneContainer, [role="main"][data-app-section="MailReadCompose"]',
  conversation: '[data-app-section="ConversationContainer"]',
  /** The selected conversation in the list carries the conversation id (MV); or the listbox's active item (WD). */
  selectedConversation: '#MailList [aria-selected="true"][data-convid], [role="listbox"] [aria-selected="true"][data-convid]',
  listbox: '[role="listbox"][aria-activedescendant]',
  subject: ['[role="heading"].allowTextSelection', '[data-app-section="ConversationTopic"]', '[role="heading"][aria-level="2"]'],
  /** Each message body; the message is its nearest wrapper (MV, AS). */
  body: '[id^="UniqueMessageBody_"]',
  bodyFallback: ['[role="document"]', '[aria-label="Message body"]'],
  messageRoot: '[aria-label="Email message"], [aria-expanded], .aVla3',
  collapsed: '[aria-expanded="false"]',
  /** "From: Name<addr>" (AS); localized ("Von:", MV). `.OZZZK` is the hashed class of its text. */
  senderLabelled: 'span[aria-label]',
  senderText: '.OZZZK',
  addressTitle: '[title*="@"]',
  recipients: '[data-testid="RecipientWell"]',
  /** Unverified hook (see webmail-dom.md §2): the header's date text. */
  date: '[data-testid="SentReceivedSavedTime"]',
  /** Compose (BR): To, Cc, Bcc are the single-line editables in order; chips hold "Name <addr>". */
  composeWell: '[contenteditable="true"]:not([aria-multiline="true"])',
  composeRoot: '[data-app-section="Form_Content"], [role="main"], [role="dialog"]',
  composeChip: '[class*="textContainer-"]',
  composeSubject: 'input[type="text"][autocomplete="off"]',
  account: '[id^="primaryMailboxRoot"]',
} as const;

/** "From:" as Outlook labels it in the languages reps use. */
const FROM_LABEL = /^\s*(?:from|von|de|da|van|od|от|发件人|寄件者|差出人|보낸 사람)\s*[:：]\s*/i;
/** Field labels in the recipient well, in the same languages. */
const RECIPIENT_LABEL = /(?:^|[\s;,])(to|cc|bcc|an|à|a|para|aan|kopie|收件人|抄送|密件抄送|副本|宛先)\s*[:：]/gi;
const CC_LABELS = /^(?:cc|kopie|抄送|副本)$/i;
/** `/mail/inbox/id/<id>`, `/mail/0/inbox/id/<id>`, `/mail/deeplink/readconv/<id>`, legacy `/owa/?ItemID=` (AS, CL). */
const THREAD_URL = /\/mail\/(?:[^?#]*\/)?(?:id|readconv)\/([^/?#]+)|[?&]ItemID=([^&#]+)/i;

export const outlookAdapter: WebmailAdapter = {
  webmail: 'outlook',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  isThreadOpen,
  threadSignature,
  readThread,
  readCompose,
  readAccountAddress,
};

function isThreadOpen(doc: Document, url = doc.location?.href ?? ''): boolean {
  if (THREAD_URL.test(url)) return true;
  return doc.querySelector(`${SELECTORS.conversation}, ${SELECTORS.body}, #ConversationReadingPaneContainer`) !== null;
}

function threadSignature(doc: Document, url = doc.location?.href ?? ''): string {
  if (!isThreadOpen(doc, url)) return '';
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const expanded = doc.querySelectorAll('[aria-expanded="true"]').length;
  return `outlook|${path}|${conversationId(doc) ?? ''}|${doc.querySelectorAll(SELECTORS.body).length}|${expanded}`;
}

function readThread(doc: Document, url = doc.location?.href ?? ''): ThreadRead | null {
  if (!isThreadOpen(doc, url)) return null;
  const pane = Array.from(doc.querySelectorAll(SELECTORS.readingPane)).find((element) => !isHidden(element)) ?? null;
  const threadId = conversationId(doc) ?? idFromUrl(url);
  const subjectElement = (pane && firstMatch(pane, SELECTORS.subject)) ?? firstMatch(doc, SELECTORS.subject);
  const subject = subjectElement ? subjectText(subjectElement) : null;
  const lang = doc.documentElement?.getAttribute('lang') || 'en-US';
  const notes = new SkipNotes();

  const bodies = pane ? Array.from(pane.querySelectorAll(SELECTORS.body)) : [];
  const roots = bodies.map((body) => ({ body, root: body.closest(SELECTORS.messageRoot) ?? pane! }));
  const { kept, dropped } = newest(roots, LIMITS.messages);
  notes.add('message-cap', dropped, `older messages past ${LIMITS.messages} not read`);
  const budget = new BodyBudget(notes);
  const messages: WebmailMessage[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const message = readMessage(kept[i]!.root, kept[i]!.body, budget, notes, lang);
    if (message) messages.push(message);
  }
  messages.reverse();
  // "Newest on top" is an Outlook setting: the thread is handed on oldest first either way.
  if (messages.length > 1 && messages[0]!.date && messages.at(-1)!.date && messages[0]!.date > messages.at(-1)!.date!) messages.reverse();
  const unexpanded = pane ? readUnexpanded(pane, notes) : [];

  if (!threadId || messages.length === 0) {
    const addresses = uniqueMailboxes(
      [...messages.flatMap((m) => [m.sender, ...m.to, ...m.cc]), ...unexpanded.map((u) => u.sender), ...titledMailboxes(pane ?? doc)],
      LIMITS.partialAddresses,
    );
    const reason = !threadId ? 'no-thread-id' : bodies.length === 0 ? 'no-messages' : 'no-readable-message';
    const fallbackBody = pane && firstMatch(pane, SELECTORS.bodyFallback);
    const bodyText = messages.at(-1)?.bodyText ?? (fallbackBody ? new BodyBudget(notes).read(fallbackBody, '') : null);
    return { status: 'unreadable', webmail: 'outlook', reason, partial: { threadId, subject, addresses, bodyText } };
  }
  return { status: 'ok', thread: { webmail: 'outlook', threadId, subject: subject ?? '', messages, unexpanded, skipped: notes.list() } };
}

function readMessage(root: Element, body: Element, budget: BodyBudget, notes: SkipNotes, lang: string): WebmailMessage | null {
  const sender = readSender(root);
  if (!sender) {
    notes.add('no-sender-address', 1, 'a message whose sender shows a name but no address (same organisation) was not read');
    return null;
  }
  const { to, cc } = readRecipients(root, notes);
  const capped = capRecipients(to.filter((m) => m.address !== sender.address), cc.filter((m) => m.address !== sender.address), notes);
  const date = parseMailDate(shortText(root.querySelector(SELECTORS.date), 200), lang);
  const bodyText = budget.read(body, '');
  return { messageId: messageIdOf(sender, date, bodyText), sender, ...capped, date, bodyText };
}

/**
 * Outlook puts no message id in the page (MV resolves `convid#index` through Graph, and an index shifts
 * with the sort order). The id is a hash of what identifies the message to its reader: sender, date and
 * the start of the body, the same in every tab and after a reload.
 */
function messageIdOf(sender: MailAddress, date: string | null, bodyText: string): string {
  const body = bodyText.slice(0, 2_000).replace(/\s+/g, '');
  return `h${stableHash(`${sender.address}\n${date ?? ''}\n${body}`)}`;
}

function readSender(root: Element): MailAddress | null {
  const labelled = root.querySelectorAll(SELECTORS.senderLabelled);
  for (let i = 0; i < labelled.length && i < 40; i++) {
    const label = labelled[i]!.getAttribute('aria-label') ?? '';
    if (!FROM_LABEL.test(label)) continue;
    const mailbox = parseMailbox(label.replace(FROM_LABEL, '')) ?? parseMailbox(shortText(labelled[i], 400));
    if (mailbox) return mailbox;
    const titled = labelled[i]!.querySelector(SELECTORS.addressTitle) ?? labelled[i]!.closest(SELECTORS.addressTitle);
    const fromTitle = titled ? parseMailbox(titled.getAttribute('title') ?? '') : null;
    if (fromTitle) return { name: fromTitle.name ?? (label.replace(FROM_LABEL, '').trim() || null), address: fromTitle.address };
    return null;
  }
  return parseMailbox(shortText(root.querySelector(SELECTORS.senderText), 400));
}

function readRecipients(root: Element, notes: SkipNotes): { to: MailAddress[]; cc: MailAddress[] } {
  const to: MailAddress[] = [];
  const cc: MailAddress[] = [];
  for (const well of Array.from(root.querySelectorAll(SELECTORS.recipients)).slice(0, 4)) {
    // Line breaks between the to and cc rows keep "…acme.com>" and "Cc:" apart.
    const text = blockText(well, LIMITS.recipients * 400).text;
    const labels = Array.from(text.matchAll(RECIPIENT_LABEL)).slice(0, 10);
    const sections = labels.length === 0
      ? [{ cc: false, text }]
      : labels.map((label, i) => ({
          cc: CC_LABELS.test(label[1]!),
          text: text.slice(label.index + label[0].length, labels[i + 1]?.index ?? text.length),
        }));
    for (const section of sections) {
      const { addresses, malformed, overflow } = parseAddressList(section.text);
      (section.cc ? cc : to).push(...addresses);
      notes.add('malformed-address', malformed, 'recipients shown without a readable address were left out');
      notes.add('recipient-cap', overflow, `recipients past ${LIMITS.recipients} per message not read`);
    }
  }
  return { to, cc };
}

function readUnexpanded(pane: Element, notes: SkipNotes): UnexpandedMessage[] {
  const collapsed = Array.from(pane.querySelectorAll(SELECTORS.collapsed)).filter((item) => item.querySelector(SELECTORS.body) === null);
  const { kept, dropped } = newest(collapsed, LIMITS.unexpanded);
  notes.add('collapsed', collapsed.length, 'collapsed messages show only their sender and date: expand them to log them');
  notes.add('message-cap', dropped, `collapsed messages past ${LIMITS.unexpanded} not read`);
  return kept.map((item) => {
    const titled = item.querySelector(SELECTORS.addressTitle);
    return { sender: titled ? parseMailbox(titled.getAttribute('title') ?? '') : null, date: null };
  });
}

function conversationId(doc: Document): string | null {
  const selected = doc.querySelector(SELECTORS.selectedConversation)?.getAttribute('data-convid');
  if (selected) return selected.slice(0, 300);
  const active = doc.querySelector(SELECTORS.listbox)?.getAttribute('aria-activedescendant');
  const activeId = active ? doc.getElementById(active)?.getAttribute('data-convid') : null;
  if (activeId) return activeId.slice(0, 300);
  return doc.querySelector(`${SELECTORS.conversation}[data-convid], ${SELECTORS.conversation} [data-convid]`)?.getAttribute('data-convid')?.slice(0, 300) ?? null;
}

function idFromUrl(url: string): string | null {
  const match = THREAD_URL.exec(url);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).slice(0, 300);
  } catch {
    return raw.slice(0, 300);
  }
}

/** The heading may hold Copilot's "Summarize" button (AS): only its text nodes and non-button children count. */
function subjectText(heading: Element): string {
  let text = '';
  for (const node of Array.from(heading.childNodes)) {
    if (node.nodeType === 1 && ((node as Element).tagName === 'BUTTON' || (node as Element).querySelector('button'))) continue;
    text += node.textContent ?? '';
    if (text.length > LIMITS.subjectChars * 2) break;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, LIMITS.subjectChars);
}

function titledMailboxes(root: ParentNode): MailAddress[] {
  const found: MailAddress[] = [];
  const labelled = root.querySelectorAll(`${SELECTORS.addressTitle}, ${SELECTORS.senderLabelled}`);
  for (let i = 0; i < labelled.length && i < 400 && found.length < LIMITS.partialAddresses; i++) {
    const element = labelled[i]!;
    const text = element.getAttribute('title') ?? (element.getAttribute('aria-label') ?? '').replace(FROM_LABEL, '');
    const mailbox = parseMailbox(text);
    if (mailbox) found.push(mailbox);
  }
  return found;
}

function readCompose(doc: Document): ComposeRead[] {
  const groups = new Map<Element, Element[]>();
  for (const well of Array.from(doc.querySelectorAll(SELECTORS.composeWell)).slice(0, 30)) {
    const root = well.closest(SELECTORS.composeRoot);
    if (!root || isHidden(root)) continue;
    groups.set(root, [...(groups.get(root) ?? []), well]);
  }
  return [...groups].map(([root, wells]) => {
    const notes = new SkipNotes();
    const read = (well: Element | undefined) => {
      if (!well) return [];
      const chips = well.querySelectorAll(SELECTORS.composeChip);
      const found: MailAddress[] = [];
      for (let i = 0; i < chips.length && i < LIMITS.recipients * 2; i++) {
        const mailbox = parseMailbox(shortText(chips[i], 400));
        if (mailbox) found.push(mailbox);
        else notes.add('malformed-address', 1, 'recipients shown without a readable address were left out');
      }
      return found;
    };
    const { to, cc } = capRecipients(read(wells[0]), read(wells[1]), notes);
    const bcc = capRecipients(read(wells[2]), [], notes).to;
    const inputs = root.querySelectorAll(SELECTORS.composeSubject);
    const subjectInput = inputs[inputs.length - 1];
    const subject = subjectInput ? inputValue(subjectInput).slice(0, LIMITS.subjectChars) : null;
    return { webmail: 'outlook' as const, to, cc, bcc, subject, skipped: notes.list() };
  });
}

/** The primary mailbox's folder root names the signed-in address (MV). */
function readAccountAddress(doc: Document): string | null {
  const root = doc.querySelector(SELECTORS.account);
  if (!root) return null;
  return normalizeAddress(root.getAttribute('data-folder-name')) ?? normalizeAddress((root.id.split('_')[1] ?? '').trim());
}
