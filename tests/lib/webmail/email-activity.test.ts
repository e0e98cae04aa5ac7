import { parseHTML } from 'linkedom';
import {
  DEFAULT_WEBMAIL_PRIVACY,
  ThreadRead,
  WebmailPrivacy,
  buildEmailActivityDraft,
  buildManualEmailDraft,
  gmailAdapter,
  outlookAdapter,
  parseEmailExternalKey,
  type EmailDraftResult,
  type OwnIdentity,
  type WebmailThread,
} from '@/lib/webmail';
import { fixtureHtml, loadFixture, URLS } from './load-fixture';

const SAM: OwnIdentity = { addresses: ['sam@sidecar-demo.com'], domains: [] };
const KEEP_ALL = WebmailPrivacy.parse({ bodyRetention: { mode: 'all' }, neverLog: [] });

function thread(name: string): WebmailThread {
  const adapter = name.startsWith('gmail') ? gmailAdapter : outlookAdapter;
  // A fresh parse each time: a reload, or the same thread open in another tab.
  const doc = parseHTML(fixtureHtml(name)).document as unknown as Document;
  return (adapter.readThread(doc, name.startsWith('gmail') ? URLS.gmailThread : URLS.outlookThread) as Extract<ThreadRead, { status: 'ok' }>).thread;
}

function ok(result: EmailDraftResult) {
  expect(result.status).toBe('ok');
  return result as Extract<EmailDraftResult, { status: 'ok' }>;
}

describe('"Log this email" draft', () => {
  it("fills an email activity from the thread's latest message", () => {
    const { draft } = ok(buildEmailActivityDraft({ thread: thread('gmail-thread.html'), own: SAM, privacy: KEEP_ALL }));
    expect(draft).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      occurredAt: new Date(2026, 10, 5, 8, 5).toISOString(),
      subject: 'Quote for 200 rack servers 🖥️',
      summary: 'Please send the quote as PDF with our PO number 4500123456.',
      mood: null,
      feedback: null,
      stageChange: null,
      nextStep: null,
      nextFollowUpAt: null,
      bant: { background: null, painPoints: null, needs: null, value: null },
    });
    expect(draft.participants).toEqual([
      { name: null, email: 'einkauf@acme-gmbh.de', contactId: null },
      { name: 'Sam Rep', email: 'sam@sidecar-demo.com', contactId: null },
    ]);
  });

  it("is outbound for the rep's own message, and keeps only its own text (no quoted history)", () => {
    const gmail = thread('gmail-thread.html');
    const { draft } = ok(buildEmailActivityDraft({ thread: gmail, messageId: gmail.messages[0]!.messageId, own: SAM, privacy: KEEP_ALL }));
    expect(draft.direction).toBe('outbound');
    expect(draft.summary).toBe('Hi Jane,\n\nThanks for the specs. Our quote for 200 R750 rack servers is attached: EUR 412,000 including three years of support.\nCould we schedule a call on Thursday with your IT lead?\n\nBest,\nSam');
    const outlook = thread('outlook-thread.html');
    const fromOutlook = ok(buildEmailActivityDraft({ thread: outlook, messageId: outlook.messages[0]!.messageId, own: SAM, privacy: KEEP_ALL })).draft;
    expect(fromOutlook.summary).not.toContain('looking for 200 rack servers');
  });

  it.each(['gmail-thread.html', 'outlook-thread.html'])('%s: the same message gives the same key after a reload; a later reply another key in the same thread', (name) => {
    const first = thread(name);
    const again = thread(name);
    const keyOf = (t: WebmailThread, i: number) => ok(buildEmailActivityDraft({ thread: t, messageId: t.messages[i]!.messageId, own: SAM, privacy: KEEP_ALL }));
    const logged = keyOf(first, 0);
    expect(keyOf(again, 0).draft.externalKey).toBe(logged.draft.externalKey);
    const reply = keyOf(again, 1);
    expect(reply.draft.externalKey).not.toBe(logged.draft.externalKey);
    expect(reply.threadKey).toBe(logged.threadKey);
    expect(parseEmailExternalKey(reply.draft.externalKey!)?.threadKey).toBe(logged.threadKey);
    expect(reply.draft.externalKey!.length).toBeLessThanOrEqual(500);
  });

  it('keys Gmail and Outlook apart, and an Outlook conversation id with "/", "+" and "=" safely', () => {
    const gmail = ok(buildEmailActivityDraft({ thread: thread('gmail-thread.html'), own: SAM, privacy: KEEP_ALL }));
    const outlook = ok(buildEmailActivityDraft({ thread: { ...thread('outlook-thread.html'), threadId: 'AAMk/ADA+xNz==:odd' }, own: SAM, privacy: KEEP_ALL }));
    expect(parseEmailExternalKey(gmail.draft.externalKey!)?.webmail).toBe('gmail');
    expect(parseEmailExternalKey(outlook.draft.externalKey!)).toMatchObject({ webmail: 'outlook', threadKey: outlook.threadKey });
    expect(parseEmailExternalKey('something else')).toBeNull();
  });

  it('keeps none, the first N characters, or all of the body, as the setting says', () => {
    const t = thread('gmail-thread.html');
    const summary = (bodyRetention: WebmailPrivacy['bodyRetention']) => ok(buildEmailActivityDraft({ thread: t, own: SAM, privacy: { bodyRetention, neverLog: [] } })).draft.summary;
    expect(summary({ mode: 'none' })).toBe('');
    expect(summary({ mode: 'first', chars: 11 })).toBe('Please send');
    expect(summary({ mode: 'all' })).toBe('Please send the quote as PDF with our PO number 4500123456.');
    expect(DEFAULT_WEBMAIL_PRIVACY.bodyRetention).toEqual({ mode: 'first', chars: 2000 });
  });

  it('logs nothing of a sender on the never-log list, by address or by domain', () => {
    const t = thread('gmail-thread.html');
    expect(buildEmailActivityDraft({ thread: t, own: SAM, privacy: { ...KEEP_ALL, neverLog: ['einkauf@acme-gmbh.de'] } })).toEqual({ status: 'excluded' });
    expect(buildEmailActivityDraft({ thread: t, own: SAM, privacy: WebmailPrivacy.parse({ ...KEEP_ALL, neverLog: ['@ACME-GMBH.DE'] }) })).toEqual({ status: 'excluded' });
  });

  it('leaves out a never-log recipient and keeps no body of that email', () => {
    const t = thread('gmail-thread.html');
    const result = ok(buildEmailActivityDraft({ thread: t, messageId: t.messages[1]!.messageId, own: SAM, privacy: { ...KEEP_ALL, neverLog: ['li.na@acme-gmbh.de'] } }));
    expect(result.draft.participants.map((p) => p.email)).toEqual(['jane.doe@acme-gmbh.de', 'sam@sidecar-demo.com', 'einkauf@acme-gmbh.de']);
    expect(result.draft.summary).toBe('');
    expect(result.notes).toEqual(expect.arrayContaining([{ code: 'excluded-participant', count: 1 }, { code: 'body-withheld', count: 1 }]));
  });

  it('rejects a never-log entry that is neither an address nor a domain', () => {
    expect(WebmailPrivacy.safeParse({ bodyRetention: { mode: 'none' }, neverLog: ['not a domain'] }).success).toBe(false);
    expect(WebmailPrivacy.safeParse({ bodyRetention: { mode: 'first', chars: 0 }, neverLog: [] }).success).toBe(false);
  });

  it('dates an email without a readable date now, and says so', () => {
    const t = thread('gmail-thread.html');
    const undated = { ...t, messages: t.messages.map((m) => ({ ...m, date: null })) };
    const now = new Date('2026-11-23T12:00:00Z');
    const result = ok(buildEmailActivityDraft({ thread: undated, own: SAM, privacy: KEEP_ALL, now }));
    expect(result.draft.occurredAt).toBe(now.toISOString());
    expect(result.notes).toContainEqual({ code: 'no-date', count: 1 });
  });

  it('caps participants and summary at what an activity holds, with notes', () => {
    const t = thread('gmail-thread.html');
    const last = t.messages.at(-1)!;
    const to = Array.from({ length: 200 }, (_, i) => ({ name: `R${i}`, address: `r${i}@client${i}.com` }));
    const cc = [{ name: 'Odd', address: 'a..b@acme.com' }, { name: 'More', address: 'more@acme.com' }];
    const big = { ...t, subject: 'S'.repeat(400), messages: [{ ...last, to, cc, bodyText: 'word '.repeat(10_000) }] };
    const result = ok(buildEmailActivityDraft({ thread: big, own: SAM, privacy: KEEP_ALL }));
    expect(result.draft.participants).toHaveLength(201);
    expect(result.draft.summary).toHaveLength(20_000);
    expect(result.draft.subject).toHaveLength(300);
    expect(Object.fromEntries(result.notes.map((n) => [n.code, n.count]))).toMatchObject({ 'participant-cap': 1, 'malformed-participant': 1, 'summary-cut': 1, 'subject-cut': 1 });
  });

  it('says so when the message to log is not in the thread', () => {
    expect(buildEmailActivityDraft({ thread: thread('gmail-thread.html'), messageId: 'nope', own: SAM, privacy: KEEP_ALL })).toEqual({ status: 'no-such-message' });
  });
});

describe('manual logging when a thread cannot be read', () => {
  it('pre-fills subject, participants and body from the partial read, without a key', () => {
    const read = outlookAdapter.readThread(loadFixture('outlook-markup-changed.html'), URLS.outlookThread);
    expect(read?.status).toBe('unreadable');
    const now = new Date('2026-11-23T12:00:00Z');
    const { draft } = buildManualEmailDraft((read as Extract<ThreadRead, { status: 'unreadable' }>).partial, KEEP_ALL, now);
    expect(draft).toMatchObject({
      channel: 'email',
      subject: 'Quote for 200 rack servers',
      summary: 'Thursday at 10:00 works. The quote is 10% over our budget.',
      participants: [{ name: null, email: 'jane.doe@acme-gmbh.de', contactId: null }],
      occurredAt: now.toISOString(),
      externalKey: null,
    });
  });
});
