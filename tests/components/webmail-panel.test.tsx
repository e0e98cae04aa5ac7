import { parseHTML } from 'linkedom';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebmailPanel } from '@/components/webmail/WebmailPanel';
import { LeadTracker, messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { handleMessage } from '@/lib/messaging';
import { DEFAULT_SETTINGS } from '@/lib/schema';
import { saveSettings } from '@/lib/settings';
import { loadWebmailFailures } from '@/lib/settings/webmail-settings-store';
import { gmailAdapter, type ComposeRead, type ThreadRead } from '@/lib/webmail';
import { makeCapture } from '../helpers/make-capture';
import { loadFixture, URLS } from '../lib/webmail/load-fixture';

let root: Root | undefined;
let counter = 0;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
});

/** A background in this process (fake IndexedDB), reached the way the content script reaches the service worker. */
async function backgroundWithAcme() {
  const db = new SidecarDatabase(`webmail-panel-${++counter}`);
  const leads = new LeadStore(db);
  const tracker = new LeadTracker(db, leads);
  const handlers = messageHandlers(leads, async () => null, { settings: async () => DEFAULT_SETTINGS, tracker });
  const lead = await leads.saveClip(makeCapture({ url: 'https://www.acme-gmbh.de/', domain: 'acme-gmbh.de', name: 'Acme GmbH', emails: [], phones: [] }), {}, null);
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }) => {
    sent.push(message.type);
    return handleMessage(message, { tabId: 4, fromExtensionPage: false, url: URLS.gmailThread }, handlers);
  }) as never);
  return { db, lead, sent };
}

async function renderPanel(read: ThreadRead | null, compose: ComposeRead | null = null) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<WebmailPanel read={read} account="sam@sidecar-demo.com" compose={compose} />));
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 80)));
  await settle();
  const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const click = async (element: Element | null) => {
    if (!element) throw new Error('nothing to click');
    await act(async () => void element.dispatchEvent(new window.Event('click', { bubbles: true })));
    await settle();
  };
  /** Waits (bounded) until the background answered and the panel re-rendered: the machine may be loaded. */
  const until = async (done: () => boolean, what: string) => {
    for (let waited = 0; !done(); waited += 80) {
      if (waited > 10_000) throw new Error(`the panel never showed ${what}`);
      await settle();
    }
  };
  const submit = async () => {
    const form = byTestId('log-email-form');
    if (!form) throw new Error('the log form is not shown');
    const before = text('webmail-status');
    // An error the save reports; the notice that a thread could not be read is an alert too, shown all along.
    const failed = () => document.querySelector('[role="alert"]:not([data-testid="webmail-unreadable"])') !== null;
    await act(async () => void form.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true })));
    await until(() => byTestId('log-email-form') === null || failed(), 'the saved log');
    await until(() => text('webmail-status') !== before || failed(), 'a status');
    await settle();
  };
  return { document, byTestId, text, click, submit, settle, until };
}

const readGmail = (fixture: string) => gmailAdapter.readThread(loadFixture(fixture), URLS.gmailThread)!;

describe('the webmail panel', () => {
  it('while a new email is written, shows where the recipients’ deal stands, with nothing to log yet', async () => {
    const bg = await backgroundWithAcme();
    const [compose] = gmailAdapter.readCompose(loadFixture('gmail-compose.html'));
    const panel = await renderPanel(null, compose!);
    await panel.until(() => panel.byTestId('webmail-company') !== null, 'the recipients’ company');
    expect(panel.text('webmail-compose')).toContain('This email goes to');
    expect(panel.byTestId('webmail-company')!.getAttribute('data-lead-id')).toBe(bg.lead.id);
    expect(panel.byTestId('log-email')).toBeNull();
    expect(bg.sent).toEqual(['webmail.composeView']);
  });

  it('shows the thread’s lead and logs the newest email in two clicks; a second log adds nothing', async () => {
    const bg = await backgroundWithAcme();
    const panel = await renderPanel(readGmail('gmail-thread.html'));
    await panel.until(() => panel.byTestId('webmail-company') !== null, 'the companies');
    const card = panel.byTestId('webmail-company')!;
    expect(card.getAttribute('data-lead-id')).toBe(bg.lead.id);
    expect(card.textContent).toContain('Acme GmbH');
    expect(card.textContent).toContain('No touches logged yet.');
    expect(panel.document.querySelectorAll('[data-testid="webmail-company"]')).toHaveLength(1);
    // What the page did not show is said: a collapsed message and one hidden behind "1 older".
    expect(panel.text('webmail-skipped')).toBe(
      'Not read on this page: 1 collapsed messages (expand them to log them); 1 older messages hidden behind “N older” (open them to log them)',
    );

    await panel.click(panel.byTestId('log-email'));
    await panel.submit();
    expect(panel.text('webmail-status')).toBe('Logged on Acme GmbH.');
    expect(panel.text('last-touches')).toContain('Quote for 200 rack servers');
    expect(panel.byTestId('log-email-form')).toBeNull();
    // The summary the form offered, and saved, is the newest message's text (the default keeps its first 2,000 characters).
    expect((await bg.db.activities.toArray())[0]).toMatchObject({ leadId: bg.lead.id, summary: 'Please send the quote as PDF with our PO number 4500123456.' });

    await panel.click(panel.byTestId('log-email'));
    await panel.submit();
    expect(panel.text('webmail-status')).toBe('Already logged on Acme GmbH: nothing was added.');
    expect(await bg.db.activities.count()).toBe(1);
  });

  it('says plainly when the thread could not be read, and logs it by hand from what was read', async () => {
    const bg = await backgroundWithAcme();
    const panel = await renderPanel(readGmail('gmail-markup-changed.html'));
    await panel.until(() => panel.byTestId('webmail-company') !== null, 'the companies');
    expect(panel.text('webmail-unreadable')).toBe(
      'Sidecar could not read this thread (no thread id on the page). Gmail may have changed its page. Log it by hand below: what could be read is filled in.',
    );
    expect((await loadWebmailFailures()).total).toBe(1);
    await panel.click(panel.byTestId('log-email'));
    const subject = panel.document.querySelector('input[name="subject"]') as unknown as { value: string } | null;
    expect(subject?.value).toBe('Quote for 200 rack servers');
    await panel.submit();
    expect(panel.text('webmail-status')).toBe('Logged on Acme GmbH.');
    const [activity] = await bg.db.activities.toArray();
    expect(activity).toMatchObject({ leadId: bg.lead.id, subject: 'Quote for 200 rack servers', externalKey: expect.stringContaining(':manual~') });
    // Logging by hand did not read the thread again: the failure is counted once.
    expect((await loadWebmailFailures()).total).toBe(1);
  });

  it('an unreadable thread that names no company with a lead: the rep finds the lead by name and logs by hand', async () => {
    const bg = await backgroundWithAcme();
    const read = readGmail('gmail-markup-changed.html');
    if (read.status !== 'unreadable') throw new Error('the fixture should be unreadable');
    // The sender writes from free mail: no company on the thread.
    const freeMail = { ...read, partial: { ...read.partial, addresses: [{ name: 'Jane Doe', address: 'jane.doe.acme@gmail.com' }] } };
    const panel = await renderPanel(freeMail);
    await panel.until(() => panel.byTestId('webmail-lead-picker') !== null, 'the lead picker');
    const search = panel.document.querySelector('input[name="leadSearch"]')!;
    // linkedom has no input events React listens to: call the field's change handler as typing would.
    const props = Object.entries(search).find(([key]) => key.startsWith('__reactProps'))?.[1] as { onChange: (event: unknown) => void };
    await act(async () => props.onChange({ target: { value: 'Acme' } }));
    await panel.until(() => panel.document.querySelector(`[data-lead-id="${bg.lead.id}"]`) !== null, 'Acme in the results');
    await panel.click(panel.document.querySelector(`[data-lead-id="${bg.lead.id}"]`));
    await panel.submit();
    expect(panel.text('webmail-status')).toBe('Logged on Acme GmbH.');
    const [activity] = await bg.db.activities.toArray();
    expect(activity).toMatchObject({ leadId: bg.lead.id, subject: 'Quote for 200 rack servers' });
  });

  it('offers to create a lead for a company that has none, from the sender’s signature', async () => {
    const bg = await backgroundWithAcme();
    await bg.db.leads.clear();
    const panel = await renderPanel(readGmail('gmail-thread.html'));
    await panel.until(() => panel.byTestId('webmail-company') !== null, 'the companies');
    expect(panel.text('webmail-company')).toContain('No lead for acme-gmbh.de yet.');
    await panel.click(panel.byTestId('create-lead'));
    await panel.until(() => panel.byTestId('webmail-company')?.getAttribute('data-lead-id') != null, 'the new lead');
    expect(bg.sent).toContain('webmail.createLead');
    expect(panel.byTestId('webmail-company')?.getAttribute('data-lead-id')).toBeTruthy();
    expect(panel.text('webmail-company')).toContain('Acme GmbH');
  });

  it('speaks Chinese when the rep chose it', async () => {
    await backgroundWithAcme();
    await saveSettings({ ...DEFAULT_SETTINGS, locale: 'zh_CN' });
    const panel = await renderPanel(readGmail('gmail-markup-changed.html'));
    await panel.until(() => panel.byTestId('webmail-company') !== null, 'the companies');
    expect(panel.text('webmail-unreadable')).toBe('Sidecar 无法读取此邮件（页面上没有会话编号）。Gmail 可能改版了页面。请在下方手动记录，已读到的内容已预先填好。');
    expect(panel.text('log-email')).toBe('记录此邮件');
  });
});
