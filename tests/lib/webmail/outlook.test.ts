import { parseHTML } from 'linkedom';
import { ComposeRead, ThreadRead, adapterForHost, outlookAdapter, type WebmailThread } from '@/lib/webmail';
import { fixtureHtml, loadFixture, URLS } from './load-fixture';

function readOk(name: string, url: string = URLS.outlookThread): WebmailThread {
  const read = outlookAdapter.readThread(loadFixture(name), url);
  expect(read?.status).toBe('ok');
  expect(() => ThreadRead.parse(read)).not.toThrow();
  return (read as Extract<ThreadRead, { status: 'ok' }>).thread;
}

const local = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

describe('Outlook adapter: a conversation with several messages', () => {
  const thread = readOk('outlook-thread.html');

  it("takes the selected conversation's id and the subject without Copilot's button", () => {
    expect(thread.threadId).toBe('AQQkADAwATM0MDAAMS1iNTczLTAwAi0wMAoAEABxdW90ZV8yMDA=');
    expect(thread.subject).toBe('Quote for 200 rack servers');
  });

  it('reads each expanded message: sender from the "From:" label, to and cc, local date, body', () => {
    const [reply, answer] = thread.messages;
    expect(reply!.sender).toEqual({ name: 'Sam Rep', address: 'sam@sidecar-demo.com' });
    // "Doe, Jane <…>" is one recipient, not a malformed "Doe" and a "Jane".
    expect(reply!.to).toEqual([{ name: 'Doe, Jane', address: 'jane.doe@acme-gmbh.de' }, { name: 'Li Na', address: 'li.na@acme-gmbh.de' }]);
    expect(reply!.date).toBe(local(2026, 10, 3, 16, 2));
    expect(answer!.sender).toEqual({ name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' });
    expect(answer!.to.map((m) => m.address)).toEqual(['sam@sidecar-demo.com']);
    expect(answer!.cc.map((m) => m.address)).toEqual(['einkauf@acme-gmbh.de', 'li.na@acme-gmbh.de']);
    expect(answer!.bodyText).toContain('Best regards,\nJane Doe\nHead of Procurement\nAcme GmbH');
  });

  it('gives each message an id that is the same after a reload and differs between messages', () => {
    const again = readOk('outlook-thread.html');
    expect(again.messages.map((m) => m.messageId)).toEqual(thread.messages.map((m) => m.messageId));
    expect(new Set(thread.messages.map((m) => m.messageId)).size).toBe(thread.messages.length);
  });

  it('notes what it could not read: a colleague shown by name only, a recipient without an address, a collapsed message', () => {
    expect(thread.messages).toHaveLength(2);
    expect(Object.fromEntries(thread.skipped.map((note) => [note.code, note.count]))).toEqual({ 'no-sender-address': 1, 'malformed-address': 1, collapsed: 1 });
    expect(thread.unexpanded).toEqual([{ sender: { name: null, address: 'jane.doe@acme-gmbh.de' }, date: null }]);
  });

  it('hands a newest-on-top conversation over oldest first', () => {
    const doc = loadFixture('outlook-thread.html');
    const container = doc.querySelector('[data-app-section="ConversationContainer"]')!;
    for (const item of Array.from(container.children).reverse()) container.append(item);
    const read = outlookAdapter.readThread(doc, URLS.outlookThread);
    expect(read?.status === 'ok' && read.thread.messages.map((m) => m.sender.address)).toEqual(['sam@sidecar-demo.com', 'jane.doe@acme-gmbh.de']);
  });

  it("reads the primary mailbox's address", () => {
    expect(outlookAdapter.readAccountAddress(loadFixture('outlook-thread.html'))).toBe('sam@sidecar-demo.com');
  });
});

describe('Outlook adapter: a Chinese conversation with a forwarded message', () => {
  const thread = readOk('outlook-thread-zh.html');

  it('reads the localized labels (发件人, 收件人, 抄送) and the Chinese date', () => {
    const [message] = thread.messages;
    expect(message!.sender).toEqual({ name: '张伟', address: 'zhangwei@xinghe-tech.cn' });
    expect(message!.to.map((m) => m.address)).toEqual(['sam@sidecar-demo.com']);
    expect(message!.cc).toEqual([{ name: '王芳', address: 'wang.fang@huaxin-pack.com' }, { name: '采购部', address: 'caigou@xinghe-tech.cn' }]);
    expect(message!.date).toBe(local(2026, 10, 5, 18, 20));
    expect(message!.bodyText).toContain('发件人: 王芳 <wang.fang@huaxin-pack.com>');
  });
});

describe('Outlook adapter: when a conversation is open', () => {
  it('is open by its URL on each Outlook host, and not in the bare inbox', () => {
    const doc = loadFixture('outlook-compose.html');
    expect(outlookAdapter.isThreadOpen(doc, 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATY3ZmYAZS1kZAAyMy1hZQ%3D%3D')).toBe(true);
    expect(outlookAdapter.isThreadOpen(doc, 'https://outlook.office365.com/mail/deeplink/readconv/AQQkADAwATM0')).toBe(true);
    expect(outlookAdapter.isThreadOpen(doc, URLS.outlookInbox)).toBe(false);
    expect(outlookAdapter.readThread(doc, URLS.outlookInbox)).toBeNull();
  });

  it('says plainly that it cannot read a conversation whose markup changed, with what it could read', () => {
    const read = outlookAdapter.readThread(loadFixture('outlook-markup-changed.html'), URLS.outlookThread);
    expect(read).toEqual({
      status: 'unreadable',
      webmail: 'outlook',
      reason: 'no-messages',
      partial: {
        threadId: 'AQQkADAwATM0MDAAMS1iNTczLTAwAi0wMAoAEABxdW90ZV8yMDA=',
        subject: 'Quote for 200 rack servers',
        addresses: [{ name: null, address: 'jane.doe@acme-gmbh.de' }],
        bodyText: 'Thursday at 10:00 works. The quote is 10% over our budget.',
      },
    });
  });

  it('changes its signature when a message is expanded', () => {
    const html = fixtureHtml('outlook-thread.html');
    const before = outlookAdapter.threadSignature(parseHTML(html).document as unknown as Document, URLS.outlookThread);
    const doc = parseHTML(html).document as unknown as Document;
    doc.querySelector('[aria-expanded="false"]')!.setAttribute('aria-expanded', 'true');
    expect(outlookAdapter.threadSignature(doc, URLS.outlookThread)).not.toBe(before);
  });
});

describe('Outlook adapter: compose', () => {
  it('reads To and Cc in order, "Doe, John" as one recipient, a name without address noted', () => {
    const [compose] = outlookAdapter.readCompose(loadFixture('outlook-compose.html'));
    expect(ComposeRead.parse(compose)).toEqual({
      webmail: 'outlook',
      to: [{ name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' }, { name: null, address: 'li.na@acme-gmbh.de' }],
      cc: [{ name: 'Doe, John', address: 'john.doe@acme-gmbh.de' }],
      bcc: [],
      subject: 'Revised quote: 200 rack servers',
      skipped: [{ code: 'malformed-address', count: 1, detail: expect.any(String) }],
    });
  });
});

describe('adapterForHost', () => {
  it('picks the adapter for each webmail host and none for others', () => {
    expect(adapterForHost('mail.google.com')?.webmail).toBe('gmail');
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']) expect(adapterForHost(host)?.webmail).toBe('outlook');
    expect(adapterForHost('mail.example.com')).toBeNull();
  });
});
