import { parseHTML } from 'linkedom';
import { ThreadRead, WEBMAIL_LIMITS, gmailAdapter, outlookAdapter, type WebmailAdapter } from '@/lib/webmail';
import { parseAddressList } from '@/lib/webmail/addresses';
import { builtMessageDate, gmailThreadHtml, outlookThreadHtml, type BuildOptions } from './fixture-builder';
import { URLS } from './load-fixture';

const CASES: Array<[string, WebmailAdapter, (count: number, options?: BuildOptions) => string, string]> = [
  ['Gmail', gmailAdapter, gmailThreadHtml, URLS.gmailThread],
  ['Outlook', outlookAdapter, outlookThreadHtml, URLS.outlookThread],
];

function read(adapter: WebmailAdapter, html: string, url: string) {
  const result = adapter.readThread(parseHTML(html).document as unknown as Document, url);
  expect(result?.status).toBe('ok');
  // Whatever the page holds, what goes to the background fits its schema.
  expect(() => ThreadRead.parse(result)).not.toThrow();
  return (result as Extract<ThreadRead, { status: 'ok' }>).thread;
}

describe.each(CASES)('%s adapter on bad input', (_name, adapter, build, url) => {
  it('reads a 50-message thread completely, in order', () => {
    const thread = read(adapter, build(50), url);
    expect(thread.messages).toHaveLength(50);
    expect(thread.messages[0]!.bodyText.startsWith('Message 1.')).toBe(true);
    expect(thread.messages[49]!.date).toBe(builtMessageDate(49).toISOString());
    expect(new Set(thread.messages.map((m) => m.messageId)).size).toBe(50);
  });

  it('reads the newest 200 of a 500-message thread and notes the 300 older ones', () => {
    const thread = read(adapter, build(500), url);
    expect(thread.messages).toHaveLength(WEBMAIL_LIMITS.messages);
    expect(thread.messages.at(-1)!.bodyText.startsWith('Message 500.')).toBe(true);
    expect(thread.messages[0]!.bodyText.startsWith('Message 301.')).toBe(true);
    expect(thread.skipped).toContainEqual(expect.objectContaining({ code: 'message-cap', count: 300 }));
  });

  it('cuts a 5 MB body at its cap, with a note, in bounded time', () => {
    const started = performance.now();
    const thread = read(adapter, build(1, { bodyText: 'Lorem ipsum dolor sit amet. '.repeat(190_000) }), url);
    expect(thread.messages[0]!.bodyText.length).toBeLessThanOrEqual(WEBMAIL_LIMITS.bodyChars);
    expect(thread.messages[0]!.bodyText.length).toBeGreaterThan(WEBMAIL_LIMITS.bodyChars - 100);
    expect(thread.skipped).toContainEqual(expect.objectContaining({ code: 'body-cut', count: 1 }));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps the thread within its body budget: older bodies are left out with a note', () => {
    const thread = read(adapter, build(20, { bodyText: 'x '.repeat(60_000) }), url);
    const total = thread.messages.reduce((sum, m) => sum + m.bodyText.length, 0);
    expect(total).toBeLessThanOrEqual(WEBMAIL_LIMITS.threadBodyChars);
    expect(thread.messages.at(-1)!.bodyText.length).toBeGreaterThan(0);
    expect(thread.messages[0]!.bodyText).toBe('');
    expect(thread.skipped).toContainEqual(expect.objectContaining({ code: 'thread-body-cap' }));
  });

  it('reads 200 recipients and notes the ones past the cap', () => {
    const exact = read(adapter, build(1, { recipients: 200 }), url);
    expect(exact.messages[0]!.to).toHaveLength(200);
    expect(exact.skipped.filter((note) => note.code === 'recipient-cap')).toEqual([]);
    const over = read(adapter, build(1, { recipients: 260 }), url);
    expect(over.messages[0]!.to.length + over.messages[0]!.cc.length).toBe(WEBMAIL_LIMITS.recipients);
    expect(over.skipped).toContainEqual(expect.objectContaining({ code: 'recipient-cap' }));
  });
});

describe('malformed addresses', () => {
  it('keeps the good ones of a list, counts the bad ones, and never throws', () => {
    const list = parseAddressList('Ann <ann@acme.com>; <<bo@>>; "Carl, C." <carl@acme.co.uk>, not-an-address; x@y; 张三 <zhangsan@xinghe-tech.cn>；@@@');
    expect(list.addresses.map((m) => m.address)).toEqual(['ann@acme.com', 'carl@acme.co.uk', 'zhangsan@xinghe-tech.cn']);
    expect(list.malformed).toBe(4);
  });

  it('reads a list of 10,000 entries in bounded work', () => {
    const started = performance.now();
    const list = parseAddressList(Array.from({ length: 10_000 }, (_, i) => `u${i}@acme.com`).join('; '));
    expect(list.addresses).toHaveLength(WEBMAIL_LIMITS.recipients);
    expect(list.overflow).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('leaves out a Gmail sender whose email attribute is malformed, with a note', () => {
    const html = gmailThreadHtml(2).replace(/(<span class="gD" email=")jane\.doe@acme-gmbh\.de(" name="Jane Doe" data-hovercard-id)/, '$1jane.doe@@acme$2');
    const thread = read(gmailAdapter, html, URLS.gmailThread);
    expect(thread.messages).toHaveLength(1);
    expect(thread.skipped).toContainEqual(expect.objectContaining({ code: 'no-sender-address', count: 1 }));
  });
});
