import { parseHTML } from 'linkedom';
import { ComposeRead, ThreadRead, gmailAdapter, type WebmailThread } from '@/lib/webmail';
import { fixtureHtml, loadFixture, URLS } from './load-fixture';

function readOk(name: string): WebmailThread {
  const read = gmailAdapter.readThread(loadFixture(name), URLS.gmailThread);
  expect(read?.status).toBe('ok');
  // What crosses to the background passes its schema.
  expect(() => ThreadRead.parse(read)).not.toThrow();
  return (read as Extract<ThreadRead, { status: 'ok' }>).thread;
}

/** Local wall-clock time as ISO: the page shows dates in the rep's time zone. */
const local = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

describe('Gmail adapter: a thread with several messages', () => {
  const thread = readOk('gmail-thread.html');

  it('reads the visible thread, not the earlier view Gmail keeps hidden', () => {
    expect(thread.threadId).toBe('18c2f6a4b9e0d731');
    expect(thread.subject).toBe('Quote for 200 rack servers 🖥️');
    expect(thread.messages.map((m) => m.sender.address)).not.toContain('events@oldvendor.com');
  });

  it('reads every expanded message in order with its API id, sender, recipients and local date', () => {
    expect(thread.messages.map((m) => m.messageId)).toEqual(['18c2f8d1e4a20b55', '18c3012c7f9e3a10', '18c3047ab2d1c9e2']);
    const [reply, answer] = thread.messages;
    expect(reply!.sender).toEqual({ name: 'Sam Rep', address: 'sam@sidecar-demo.com' });
    expect(reply!.to.map((m) => m.address)).toEqual(['jane.doe@acme-gmbh.de', 'li.na@acme-gmbh.de']);
    expect(reply!.date).toBe(local(2026, 10, 3, 16, 2));
    // The details popup splits to and cc; the shown chips alone would put everyone in "to".
    expect(answer!.to.map((m) => m.address)).toEqual(['sam@sidecar-demo.com']);
    expect(answer!.cc).toEqual([{ name: null, address: 'einkauf@acme-gmbh.de' }, { name: 'Li Na', address: 'li.na@acme-gmbh.de' }]);
  });

  it('gives the same id from data-message-id alone (#msg-f: decimal) as from the legacy hex id', () => {
    const html = fixtureHtml('gmail-thread.html').replace(' data-legacy-message-id="18c3012c7f9e3a10"', '');
    const read = gmailAdapter.readThread(parseHTML(html).document as unknown as Document, URLS.gmailThread);
    expect(read?.status === 'ok' && read.thread.messages[1]!.messageId).toBe('18c3012c7f9e3a10');
  });

  it('reads a sender with no name as an address with a null name', () => {
    expect(thread.messages[2]!.sender).toEqual({ name: null, address: 'einkauf@acme-gmbh.de' });
    expect(thread.messages[2]!.bodyText).toBe('Please send the quote as PDF with our PO number 4500123456.');
  });

  it('keeps each body line by line, without the quoted history Gmail trims', () => {
    const body = thread.messages[1]!.bodyText;
    expect(body).toContain('Best regards,\nJane Doe\nHead of Procurement\nAcme GmbH\n+49 30 1234567');
    expect(body).not.toContain('Thanks for the specs');
    expect(thread.messages[0]!.bodyText).not.toContain('looking for 200 rack servers');
  });

  it('says which messages it could not read: collapsed, and hidden behind "1 older"', () => {
    expect(thread.skipped.map((note) => [note.code, note.count])).toEqual([['collapsed', 1], ['hidden-older', 1]]);
    expect(thread.unexpanded).toEqual([{ sender: { name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' }, date: local(2026, 10, 2, 9, 14) }]);
  });

  it("reads the signed-in account's address", () => {
    expect(gmailAdapter.readAccountAddress(loadFixture('gmail-thread.html'))).toBe('sam@sidecar-demo.com');
  });
});

describe('Gmail adapter: a Chinese thread and a forwarded message', () => {
  it('reads Chinese dates (下午3:04 is 15:04) and names', () => {
    const thread = readOk('gmail-thread-zh.html');
    expect(thread.subject).toBe('关于200台服务器的报价');
    expect(thread.messages[0]!.sender).toEqual({ name: '张伟', address: 'zhangwei@xinghe-tech.cn' });
    expect(thread.messages[0]!.date).toBe(local(2026, 10, 3, 15, 4));
    expect(thread.messages[1]!.date).toBe(local(2026, 10, 4, 9, 0));
    expect(thread.messages[0]!.bodyText).toContain('张伟 | 采购经理\n深圳市星河科技有限公司\n手机：138 0013 8000');
  });

  it('keeps a forwarded email in the body, its header line by line', () => {
    const [message] = readOk('gmail-forwarded.html').messages;
    expect(message!.sender.address).toBe('li.lei@sidecar-demo.com');
    expect(message!.bodyText).toContain('---------- Forwarded message ---------\nFrom: Wang Fang <wang.fang@huaxin-pack.com>\nDate:');
    expect(message!.bodyText).toContain('Mobile: +86 139 1234 5678');
  });
});

describe('Gmail adapter: when a thread is open', () => {
  it('is not open in the inbox: no read, an empty signature', () => {
    const doc = loadFixture('gmail-compose.html');
    expect(gmailAdapter.isThreadOpen(doc, URLS.gmailInbox)).toBe(false);
    expect(gmailAdapter.readThread(doc, URLS.gmailInbox)).toBeNull();
    expect(gmailAdapter.threadSignature(doc, URLS.gmailInbox)).toBe('');
  });

  it('tells a thread URL from a label or search list', () => {
    const doc = loadFixture('gmail-compose.html');
    expect(gmailAdapter.isThreadOpen(doc, `${URLS.gmailThread}?compose=new`)).toBe(true);
    expect(gmailAdapter.isThreadOpen(doc, 'https://mail.google.com/mail/u/0/#inbox/16b5c8e2a1f0d3c4')).toBe(true);
    expect(gmailAdapter.isThreadOpen(doc, 'https://mail.google.com/mail/u/0/#label/ImportantCustomers2026')).toBe(false);
    expect(gmailAdapter.isThreadOpen(doc, 'https://mail.google.com/mail/u/0/#search/acme+quote')).toBe(false);
    expect(gmailAdapter.isThreadOpen(doc, 'https://mail.google.com/mail/u/0/#inbox?compose=new')).toBe(false);
  });

  it('says plainly that it cannot read a thread whose markup changed, with what it could read', () => {
    const doc = loadFixture('gmail-markup-changed.html');
    expect(gmailAdapter.isThreadOpen(doc, URLS.gmailThread)).toBe(true);
    const read = gmailAdapter.readThread(doc, URLS.gmailThread);
    expect(read).toEqual({
      status: 'unreadable',
      webmail: 'gmail',
      reason: 'no-thread-id',
      partial: {
        threadId: null,
        subject: 'Quote for 200 rack servers',
        addresses: [{ name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' }],
        bodyText: 'Jane Doe\nNov 4\nThursday at 10:00 works. The quote is 10% over our budget.',
      },
    });
    expect(() => ThreadRead.parse(read)).not.toThrow();
  });

  it('changes its signature when another message appears, and not otherwise', () => {
    const html = fixtureHtml('gmail-thread.html');
    const before = gmailAdapter.threadSignature(parseHTML(html).document as unknown as Document, URLS.gmailThread);
    expect(gmailAdapter.threadSignature(parseHTML(html).document as unknown as Document, URLS.gmailThread)).toBe(before);
    const doc = parseHTML(html).document as unknown as Document;
    const last = doc.querySelector('[data-message-id="#msg-f:1784274802401462754"]')!.closest('[role="listitem"]')!;
    const reply = last.cloneNode(true) as Element;
    reply.querySelector('[data-message-id]')!.setAttribute('data-message-id', '#msg-f:1784274802401462755');
    last.after(reply);
    expect(gmailAdapter.threadSignature(doc, URLS.gmailThread)).not.toBe(before);
  });
});

describe('Gmail adapter: compose', () => {
  it('reads the recipients of an open compose window, leaving out a malformed one with a note', () => {
    const [compose, ...others] = gmailAdapter.readCompose(loadFixture('gmail-compose.html'));
    expect(others).toEqual([]);
    expect(ComposeRead.parse(compose)).toEqual({
      webmail: 'gmail',
      to: [{ name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' }, { name: 'Li Na', address: 'li.na@acme-gmbh.de' }],
      cc: [{ name: null, address: 'einkauf@acme-gmbh.de' }],
      bcc: [],
      subject: 'Revised quote: 200 rack servers',
      skipped: [{ code: 'malformed-address', count: 1, detail: expect.any(String) }],
    });
  });

  it('finds no compose window in a thread view', () => {
    expect(gmailAdapter.readCompose(loadFixture('gmail-thread.html'))).toEqual([]);
  });
});
