import { parseHTML } from 'linkedom';
import { watchThread } from '@/components/webmail/thread-watcher';
import { gmailAdapter, type ThreadRead } from '@/lib/webmail';
import { fixtureHtml, URLS } from '../lib/webmail/load-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function gmailPage() {
  const { window, document } = parseHTML(fixtureHtml('gmail-thread.html'));
  // linkedom's MutationObserver is the page's; the watcher uses the global one, as in the browser.
  vi.stubGlobal('MutationObserver', window.MutationObserver);
  return { window, document: document as unknown as Document };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('the webmail thread watcher', () => {
  it('reads the thread once, whatever the number of mutations, and again only when the thread changed', async () => {
    const { document } = gmailPage();
    const reads = vi.spyOn(gmailAdapter, 'readThread');
    const signatures = vi.spyOn(gmailAdapter, 'threadSignature');
    const seen: Array<ThreadRead | null> = [];
    const watch = watchThread(document, gmailAdapter, (read) => seen.push(read), { url: () => URLS.gmailThread, delayMs: 10 });
    watch.check();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(seen[0]?.status).toBe('ok');

    // A storm of unrelated mutations (Gmail's chat, counters, tooltips): one cheap check, no read.
    const main = document.querySelector('[role="navigation"]')!;
    for (let i = 0; i < 200; i++) main.appendChild(document.createElement('span'));
    await flush();
    expect(signatures.mock.calls.length).toBeLessThanOrEqual(3);
    expect(reads).toHaveBeenCalledTimes(1);

    // A new message arrives in the thread: the signature changes and the thread is read again.
    const message = Array.from(document.querySelectorAll('[role="main"] [data-message-id]')).at(-1)!;
    const item = message.closest('[role="listitem"]')!;
    const copy = item.cloneNode(true) as Element;
    copy.querySelector('[data-message-id]')!.setAttribute('data-message-id', '#msg-f:99');
    copy.querySelector('[data-message-id]')!.setAttribute('data-legacy-message-id', '18c30ffffffffff0');
    item.parentElement!.appendChild(copy);
    await flush();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)?.status === 'ok' && seen.at(-1)?.status === 'ok' ? (seen.at(-1) as Extract<ThreadRead, { status: 'ok' }>).thread.messages.map((m) => m.messageId) : []).toContain('18c30ffffffffff0');
    watch.stop();
  });

  it('tells the panel when the rep leaves the thread for the inbox', async () => {
    const { document } = gmailPage();
    let url: string = URLS.gmailThread;
    const seen: Array<ThreadRead | null> = [];
    const watch = watchThread(document, gmailAdapter, (read) => seen.push(read), { url: () => url, delayMs: 10 });
    watch.check();
    url = URLS.gmailInbox;
    for (const element of Array.from(document.querySelectorAll('[role="main"]'))) element.remove();
    await flush();
    expect(seen.map((read) => read?.status ?? null)).toEqual(['ok', null]);
    watch.stop();
  });

  it('with no thread open, follows a new email\'s recipients (read again only when they change)', async () => {
    const { window, document } = parseHTML(fixtureHtml('gmail-compose.html'));
    vi.stubGlobal('MutationObserver', window.MutationObserver);
    const seen: Array<{ read: ThreadRead | null; to: string[] }> = [];
    const composes = vi.spyOn(gmailAdapter, 'readCompose');
    const watch = watchThread(document as unknown as Document, gmailAdapter, (read, _account, compose) => seen.push({ read, to: compose?.to.map((a) => a.address) ?? [] }), {
      url: () => 'https://mail.google.com/mail/u/0/#inbox?compose=new',
      delayMs: 10,
    });
    watch.check();
    expect(seen).toEqual([{ read: null, to: ['jane.doe@acme-gmbh.de', 'li.na@acme-gmbh.de'] }]);
    // Typing in the body mutates the page: the recipients are checked, nothing is reported.
    const body = document.querySelector('[role="textbox"], [contenteditable="true"]') ?? document.body;
    for (let i = 0; i < 50; i++) body.appendChild(document.createTextNode('x'));
    await flush();
    expect(seen).toHaveLength(1);
    expect(composes.mock.calls.length).toBeLessThanOrEqual(3);
    // A recipient removed: reported once more.
    document.querySelector('[data-hovercard-id="li.na@acme-gmbh.de"]')!.remove();
    await flush();
    expect(seen.at(-1)?.to).toEqual(['jane.doe@acme-gmbh.de']);
    watch.stop();
  });
});
