import { LeadStore, SidecarDatabase } from '@/lib/db';
import { LeadTracker, messageHandlers } from '@/lib/background';
import { handleMessage, type MessageSender, type Result } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Activity, type Lead, type Task } from '@/lib/schema';
import { loadWebmailFailures, saveWebmailSettings, DEFAULT_WEBMAIL_SETTINGS, type WebmailSettings } from '@/lib/settings/webmail-settings-store';
import { gmailAdapter, type ThreadRead, type WebmailThread } from '@/lib/webmail';
import { makeCapture } from '../../helpers/make-capture';
import { loadFixture, URLS } from '../webmail/load-fixture';

let counter = 0;
/** The Gmail content script as the background sees it: a message from a tab on mail.google.com. */
const GMAIL_TAB: MessageSender = { tabId: 7, fromExtensionPage: false, url: URLS.gmailThread };
const ACCOUNT = 'sam@sidecar-demo.com';
const NO_EDITS = {
  summary: 'Jane confirms Thursday 10:00; quote 10% over budget.',
  bant: { background: null, painPoints: 'over budget', needs: '200 rack servers', value: null },
  mood: 'hesitant' as const,
  feedback: 'neutral' as const,
  stageTo: null,
  nextStep: null,
  nextFollowUpAt: null,
};

function background(webmail: Partial<WebmailSettings> = {}) {
  const db = new SidecarDatabase(`webmail-handlers-${++counter}`);
  return withDb(db, webmail);
}

/** A background on an existing database: a restarted service worker, or a second one racing the first. */
function withDb(db: SidecarDatabase, webmail: Partial<WebmailSettings> = {}) {
  const clock = () => new Date('2026-11-23T09:00:00.000Z');
  const leads = new LeadStore(db, { now: clock });
  const tracker = new LeadTracker(db, leads, { now: clock });
  const tasksChanged = vi.fn(async () => {});
  const handlers = messageHandlers(leads, async () => null, { settings: async () => ({ ...DEFAULT_SETTINGS, repName: 'Sam' }), tracker, onTasksChanged: tasksChanged });
  const ready = saveWebmailSettings({ ...DEFAULT_WEBMAIL_SETTINGS, ...webmail });
  const raw = async (type: string, data: unknown, sender: MessageSender = GMAIL_TAB) => {
    await ready;
    return handleMessage({ type, data }, sender, handlers);
  };
  const send = async <T>(type: string, data: unknown, sender?: MessageSender): Promise<T> => {
    const answer = (await raw(type, data, sender)) as Result<T>;
    if (!answer.ok) throw new Error(`${type}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  return { db, leads, tracker, tasksChanged, raw, send };
}

function gmailThread(): WebmailThread {
  const read = gmailAdapter.readThread(loadFixture('gmail-thread.html'), URLS.gmailThread);
  if (read?.status !== 'ok') throw new Error('fixture not readable');
  return read.thread;
}

async function acmeLead(leads: LeadStore): Promise<Lead> {
  return leads.saveClip(makeCapture({ url: 'https://www.acme-gmbh.de/', domain: 'acme-gmbh.de', name: 'Acme GmbH', emails: [], phones: [] }), {}, null);
}

type LogResult = { activity: Activity; created: boolean; task: Task | null; lead: Lead };
const JANE_REPLY = '18c3012c7f9e3a10';
const liveActivities = (db: SidecarDatabase) => db.activities.filter((a) => !a.deletedAt).toArray();

describe('webmail: the thread in the panel', () => {
  it('matches the customer company to its lead and leaves out the rep’s own domain', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const view = await bg.send<{ companies: Array<{ domain: string; people: Array<{ address: string }>; match: { lead: Lead } | null }>; leftOut: Array<{ address: string; reason: string }>; drafts: Array<{ messageId: string; status: string; loggedActivityId: string | null }> }>(
      'webmail.view',
      { read: { status: 'ok', thread: gmailThread() } satisfies ThreadRead, account: ACCOUNT },
    );
    expect(view.companies.map((c) => c.domain)).toEqual(['acme-gmbh.de']);
    expect(view.companies[0]!.match?.lead.id).toBe(lead.id);
    expect(view.companies[0]!.people.map((p) => p.address)).toEqual(expect.arrayContaining(['jane.doe@acme-gmbh.de', 'einkauf@acme-gmbh.de', 'li.na@acme-gmbh.de']));
    expect(view.leftOut).toContainEqual({ address: ACCOUNT, reason: 'own' });
    expect(view.drafts.map((d) => d.messageId)).toEqual(['18c2f8d1e4a20b55', JANE_REPLY, '18c3047ab2d1c9e2']);
    expect(view.drafts.every((d) => d.status === 'ok' && d.loggedActivityId === null)).toBe(true);
  });

  it('while a new email is written: the leads of the companies it goes to, never the rep’s own or free mail', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const [compose] = gmailAdapter.readCompose(loadFixture('gmail-compose.html'));
    const withOthers = { ...compose!, cc: [...compose!.cc, { name: 'Kim', address: 'kim@sidecar-demo.com' }, { name: 'Bob', address: 'bob@gmail.com' }, { name: null, address: 'sales@new-prospect.cn' }] };
    const view = await bg.send<{ companies: Array<{ domain: string; match: { lead: Lead } | null }> }>('webmail.composeView', { compose: withOthers, account: ACCOUNT });
    expect(view.companies.map((c) => [c.domain, c.match?.lead.id ?? null])).toEqual([
      ['acme-gmbh.de', lead.id],
      ['new-prospect.cn', null],
    ]);
    const elsewhere = await bg.raw('webmail.composeView', { compose: withOthers, account: ACCOUNT }, { tabId: 3, fromExtensionPage: false, url: 'https://evil.example/' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('refuses requests from pages that are not webmail', async () => {
    const bg = background();
    const answer = await bg.raw('webmail.view', { read: { status: 'ok', thread: gmailThread() }, account: ACCOUNT }, { tabId: 3, fromExtensionPage: false, url: 'https://evil.example/' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('refuses a malformed thread with a clear error and stores nothing', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const thread = { ...gmailThread(), messages: [] };
    const answer = await bg.raw('webmail.log', { thread, messageId: JANE_REPLY, leadId: lead.id, account: ACCOUNT, edits: NO_EDITS });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(await liveActivities(bg.db)).toHaveLength(0);
  });
});

describe('webmail: logging an email is idempotent', () => {
  it('logs the message once with its people, subject, date and the rep’s BANT, mood and feedback; again after a reload: the same record', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const request = { thread: gmailThread(), messageId: JANE_REPLY, leadId: lead.id, account: ACCOUNT, edits: NO_EDITS };
    const first = await bg.send<LogResult>('webmail.log', request);
    expect(first.created).toBe(true);
    expect(first.activity).toMatchObject({
      leadId: lead.id,
      channel: 'email',
      direction: 'inbound',
      subject: 'Quote for 200 rack servers 🖥️',
      occurredAt: '2026-11-04T11:30:00.000Z',
      summary: NO_EDITS.summary,
      bant: NO_EDITS.bant,
      mood: 'hesitant',
      feedback: 'neutral',
      externalKey: expect.stringContaining('email:v1:gmail:'),
    });
    expect(first.activity.participants.map((p) => p.email)).toEqual(['jane.doe@acme-gmbh.de', ACCOUNT, 'einkauf@acme-gmbh.de', 'li.na@acme-gmbh.de']);

    // The page reloaded, or the service worker restarted: a new background on the same database.
    const again = await withDb(bg.db).send<LogResult>('webmail.log', request);
    expect(again).toMatchObject({ created: false, activity: { id: first.activity.id } });
    expect(await liveActivities(bg.db)).toHaveLength(1);

    const view = await bg.send<{ drafts: Array<{ messageId: string; loggedActivityId: string | null }>; threadLeadId: string | null }>('webmail.view', {
      read: { status: 'ok', thread: gmailThread() },
      account: ACCOUNT,
    });
    expect(view.drafts.find((d) => d.messageId === JANE_REPLY)?.loggedActivityId).toBe(first.activity.id);
    expect(view.threadLeadId).toBe(lead.id);
  });

  it('a double click and a second tab at the same moment store one activity', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const otherTab = withDb(bg.db);
    const request = { thread: gmailThread(), messageId: JANE_REPLY, leadId: lead.id, account: ACCOUNT, edits: { ...NO_EDITS, nextFollowUpAt: '2026-11-26T09:00:00.000Z' } };
    const results = await Promise.all([
      bg.send<LogResult>('webmail.log', request),
      bg.send<LogResult>('webmail.log', request),
      otherTab.send<LogResult>('webmail.log', request, { ...GMAIL_TAB, tabId: 8 }),
      otherTab.send<LogResult>('webmail.log', request, { ...GMAIL_TAB, tabId: 8 }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.activity.id)).size).toBe(1);
    expect(await liveActivities(bg.db)).toHaveLength(1);
    // The follow-up task is made with the record, so it is made once too.
    expect(await bg.db.tasks.toArray()).toHaveLength(1);
  });

  it('a later reply of the thread is a new activity on the lead the thread was logged on', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const thread = gmailThread();
    await bg.send('webmail.log', { thread, messageId: JANE_REPLY, leadId: lead.id, account: ACCOUNT, edits: NO_EDITS });
    const reply = await bg.send<LogResult>('webmail.log', { thread, messageId: '18c3047ab2d1c9e2', leadId: lead.id, account: ACCOUNT, edits: NO_EDITS });
    expect(reply.created).toBe(true);
    const keys = (await liveActivities(bg.db)).map((a) => a.externalKey!);
    expect(keys).toHaveLength(2);
    const threadPart = (key: string) => key.split(':').slice(0, 4).join(':');
    expect(threadPart(keys[0]!)).toBe(threadPart(keys[1]!));
  });

  it('a next follow-up date becomes a task with a reminder, the stage moves, and reminders are re-armed', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const due = '2026-11-26T09:00:00.000Z';
    const result = await bg.send<LogResult>('webmail.log', {
      thread: gmailThread(),
      messageId: JANE_REPLY,
      leadId: lead.id,
      account: ACCOUNT,
      edits: { ...NO_EDITS, stageTo: 'needs_confirmed', nextStep: 'Call with their IT lead', nextFollowUpAt: due },
    });
    expect(result.task).toMatchObject({ leadId: lead.id, title: 'Call with their IT lead', dueAt: due, remindAt: due, status: 'open', activityId: result.activity.id });
    expect(result.activity.stageChange).toEqual({ from: lead.stage, to: 'needs_confirmed' });
    expect(result.lead.stage).toBe('needs_confirmed');
    expect((await bg.leads.get(lead.id))?.stage).toBe('needs_confirmed');
    expect(bg.tasksChanged).toHaveBeenCalledTimes(1);
  });
});

describe('webmail: privacy', () => {
  it('never logs a sender on the never-log list, and says so', async () => {
    const bg = background({ privacy: { ...DEFAULT_WEBMAIL_SETTINGS.privacy, neverLog: ['acme-gmbh.de'] } });
    const lead = await acmeLead(bg.leads);
    const view = await bg.send<{ drafts: Array<{ messageId: string; status: string }> }>('webmail.view', { read: { status: 'ok', thread: gmailThread() }, account: ACCOUNT });
    expect(view.drafts.find((d) => d.messageId === JANE_REPLY)?.status).toBe('excluded');
    const answer = await bg.raw('webmail.log', { thread: gmailThread(), messageId: JANE_REPLY, leadId: lead.id, account: ACCOUNT, edits: NO_EDITS });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE', message: expect.stringContaining('never-log') } });
    expect(await liveActivities(bg.db)).toHaveLength(0);
  });

  it.each([
    [{ mode: 'none' as const }, ''],
    [{ mode: 'first' as const, chars: 20 }, 'Hi Sam,\n\nThursday at'],
    [{ mode: 'all' as const }, 'Hi Sam,\n\nThursday at 10:00 works. The quote is 10% over our budget of EUR 375,000; our IT lead will join.'],
  ])('keeps as much of the body as the setting says (%o)', async (bodyRetention, expected) => {
    const bg = background({ privacy: { bodyRetention, neverLog: [] } });
    await acmeLead(bg.leads);
    const view = await bg.send<{ drafts: Array<{ messageId: string; draft: { summary: string } }> }>('webmail.view', { read: { status: 'ok', thread: gmailThread() }, account: ACCOUNT });
    const summary = view.drafts.find((d) => d.messageId === JANE_REPLY)!.draft.summary;
    if (bodyRetention.mode === 'all') expect(summary.startsWith(expected)).toBe(true);
    else expect(summary).toBe(expected);
  });
});

describe('webmail: a lead from a sender’s signature', () => {
  it('creates the lead of the sender’s domain with the signature’s company, and the sender as a contact with title and phone', async () => {
    const bg = background();
    const jane = gmailThread().messages[1]!;
    const { lead } = await bg.send<{ lead: Lead }>('webmail.createLead', { domain: 'acme-gmbh.de', candidates: [{ person: jane.sender, bodyText: jane.bodyText }], account: ACCOUNT });
    expect(lead).toMatchObject({ domain: 'acme-gmbh.de', name: 'Acme GmbH' });
    const contacts = await bg.leads.contactsOf(lead.id);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: 'Jane Doe', title: 'Head of Procurement' });
    expect(contacts[0]!.emails).toContain('jane.doe@acme-gmbh.de');
    expect(contacts[0]!.phones.length).toBe(1);
    // The panel now finds it.
    const view = await bg.send<{ companies: Array<{ match: { lead: Lead } | null }> }>('webmail.view', { read: { status: 'ok', thread: gmailThread() }, account: ACCOUNT });
    expect(view.companies[0]!.match?.lead.id).toBe(lead.id);
  });

  it('takes the fullest signature among the company’s newest senders (a nameless mailbox rarely signs)', async () => {
    const bg = background();
    const [, jane, einkauf] = gmailThread().messages;
    const candidates = [einkauf!, jane!].map((m) => ({ person: m.sender, bodyText: m.bodyText }));
    const { lead } = await bg.send<{ lead: Lead }>('webmail.createLead', { domain: 'acme-gmbh.de', candidates, account: ACCOUNT });
    expect(lead.name).toBe('Acme GmbH');
    expect((await bg.leads.contactsOf(lead.id)).map((c) => c.name)).toEqual(['Jane Doe']);
  });

  it('reads a Chinese signature', async () => {
    const bg = background();
    const body = '王总您好，\n\n报价收到，我们内部讨论后回复您。\n\n此致\n张伟\n采购经理\n深圳市华瑞电子科技有限公司\n电话：0755-8888 6666\n手机：138 0013 8000';
    const { lead } = await bg.send<{ lead: Lead }>('webmail.createLead', { domain: 'huarui.cn', candidates: [{ person: { name: '张伟', address: 'zhangwei@huarui.cn' }, bodyText: body }], account: ACCOUNT });
    expect(lead).toMatchObject({ domain: 'huarui.cn', name: '深圳市华瑞电子科技有限公司' });
    const [contact] = await bg.leads.contactsOf(lead.id);
    expect(contact).toMatchObject({ name: '张伟', title: '采购经理' });
  });

  it.each([
    ['a free-mail sender', { name: 'Bob', address: 'bob@gmail.com' }, 'gmail.com', 'free-mail'],
    ['the rep’s own domain', { name: 'Kim', address: 'kim@sidecar-demo.com' }, 'sidecar-demo.com', 'colleagues'],
    ['a no-reply sender', { name: null, address: 'no-reply@acme-gmbh.de' }, 'acme-gmbh.de', 'automated'],
    ['an address at another domain', { name: 'Eve', address: 'eve@other.com' }, 'acme-gmbh.de', 'not an address at'],
  ])('refuses %s and creates nothing', async (_label, person, domain, message) => {
    const bg = background();
    const answer = await bg.raw('webmail.createLead', { domain, candidates: [{ person, bodyText: 'Hi' }], account: ACCOUNT });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE', message: expect.stringContaining(message) } });
    expect(await bg.db.leads.count()).toBe(0);
  });
});

describe('webmail: a thread the adapter cannot read', () => {
  it('counts the failure, offers a manual draft pre-filled from what was read, and logs it by hand', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const read = gmailAdapter.readThread(loadFixture('gmail-markup-changed.html'), URLS.gmailThread)!;
    expect(read.status).toBe('unreadable');
    const view = await bg.send<{ status: string; reason: string; manual: { draft: { subject: string | null; summary: string; participants: Array<{ email: string | null }> } }; companies: Array<{ match: { lead: Lead } | null }> }>(
      'webmail.view',
      { read, account: ACCOUNT },
    );
    expect(view).toMatchObject({ status: 'unreadable', reason: 'no-thread-id' });
    expect(view.manual.draft.subject).toBe('Quote for 200 rack servers');
    expect(view.manual.draft.participants.map((p) => p.email)).toEqual(['jane.doe@acme-gmbh.de']);
    expect(view.companies[0]!.match?.lead.id).toBe(lead.id);
    expect(await loadWebmailFailures()).toMatchObject({ total: 1, byWebmail: { gmail: 1, outlook: 0 }, byReason: { 'no-thread-id': 1 }, last: { webmail: 'gmail', reason: 'no-thread-id' } });

    // The same thread shown again (the page mutated, the panel asked again) is the same failure.
    await bg.send('webmail.view', { read, account: ACCOUNT });
    expect((await loadWebmailFailures()).total).toBe(1);
    // Another thread that cannot be read is another.
    if (read.status !== 'unreadable') throw new Error('unreachable');
    await bg.send('webmail.view', { read: { ...read, partial: { ...read.partial, subject: 'Another thread' } }, account: ACCOUNT });
    expect((await loadWebmailFailures()).total).toBe(2);

    const byHand = {
      webmail: 'gmail',
      partial: read.partial,
      leadId: lead.id,
      direction: 'inbound',
      occurredAt: '2026-11-04T11:30:00.000Z',
      subject: view.manual.draft.subject,
      edits: { ...NO_EDITS, summary: view.manual.draft.summary },
    };
    const logged = await bg.send<LogResult>('webmail.logManual', byHand);
    expect(logged.activity).toMatchObject({ leadId: lead.id, subject: 'Quote for 200 rack servers', occurredAt: '2026-11-04T11:30:00.000Z' });
    expect(logged.activity.externalKey).toMatch(/^email:v1:gmail:unread:manual~[0-9a-f]{16}$/);
    expect(logged.created).toBe(true);

    // The same unread thread logged by hand again (after a reload, from a second tab): still one activity.
    const again = await bg.send<LogResult>('webmail.logManual', { ...byHand, occurredAt: '2026-11-04T11:31:00.000Z' });
    expect(again).toMatchObject({ created: false, activity: { id: logged.activity.id } });
    // Another email the page shows (a new reply's text) is another activity.
    const reply = await bg.send<LogResult>('webmail.logManual', { ...byHand, partial: { ...read.partial, bodyText: 'Thanks, the PO follows tomorrow.' } });
    expect(reply.created).toBe(true);
    expect((await liveActivities(bg.db)).filter((a) => a.externalKey?.includes(':manual~'))).toHaveLength(2);
  });
});

describe('webmail: bad input', () => {
  /** A thread at the adapters' caps: 200 messages, the newest to 200 recipients (one malformed) with a 100,000-character body. */
  function hugeThread(): WebmailThread {
    const base = gmailThread();
    const jane = base.messages[1]!;
    const messages = Array.from({ length: 200 }, (_, i) => ({ ...jane, messageId: `m${i}`, date: new Date(Date.UTC(2026, 9, 1, 8, i)).toISOString() }));
    const recipients = Array.from({ length: 199 }, (_, i) => ({ name: `R ${i}`, address: `r${i}@client${i}.com` }));
    messages[199] = { ...messages[199]!, to: [...recipients, { name: 'Broken', address: 'x@y' }], cc: [], bodyText: 'Quarterly order.\n'.repeat(5_800) };
    return { ...base, messages };
  }

  it('logs the newest message of a thread at every cap, keeping what the limits allow and saying what was left out', async () => {
    const bg = background({ privacy: { bodyRetention: { mode: 'all' }, neverLog: [] } });
    const lead = await acmeLead(bg.leads);
    const thread = hugeThread();
    const view = await bg.send<{ companies: unknown[]; skipped: string[]; drafts: Array<{ messageId: string; notes: Array<{ code: string; count: number }> }> }>('webmail.view', {
      read: { status: 'ok', thread },
      account: ACCOUNT,
    });
    // 199 client companies and Acme: the first 20 are matched, and the rest is said.
    expect(view.companies).toHaveLength(20);
    expect(view.skipped).toEqual(['180 more companies on the thread were not matched']);
    expect(view.drafts).toHaveLength(5);
    expect(view.drafts.at(-1)!.notes).toEqual(expect.arrayContaining([{ code: 'malformed-participant', count: 1 }, { code: 'summary-cut', count: 1 }]));
    const logged = await bg.send<LogResult>('webmail.log', { thread, messageId: 'm199', leadId: lead.id, account: ACCOUNT, edits: { ...NO_EDITS, summary: 'x'.repeat(20_000) } });
    expect(logged.activity.participants).toHaveLength(200);
    expect(logged.activity.summary).toHaveLength(20_000);
  });

  it('refuses a thread past the caps (201 messages, a body over 100,000 characters) and stores nothing', async () => {
    const bg = background();
    const lead = await acmeLead(bg.leads);
    const thread = hugeThread();
    const tooMany = { ...thread, messages: [...thread.messages, { ...thread.messages[0]!, messageId: 'extra' }] };
    const tooLong = { ...thread, messages: thread.messages.map((m, i) => (i === 199 ? { ...m, bodyText: 'a'.repeat(100_001) } : m)) };
    for (const bad of [tooMany, tooLong]) {
      const answer = await bg.raw('webmail.log', { thread: bad, messageId: 'm199', leadId: lead.id, account: ACCOUNT, edits: NO_EDITS });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    }
    expect(await liveActivities(bg.db)).toHaveLength(0);
  });
});
