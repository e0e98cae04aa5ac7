import { ThreadRead, companyDomains, gmailAdapter, isAutomatedSender, messageDirection, outlookAdapter, threadParticipants, type OwnIdentity, type WebmailThread } from '@/lib/webmail';
import { loadFixture, URLS } from './load-fixture';

const SAM: OwnIdentity = { addresses: ['sam@sidecar-demo.com'], domains: [] };

function thread(name: string): WebmailThread {
  const adapter = name.startsWith('gmail') ? gmailAdapter : outlookAdapter;
  const read = adapter.readThread(loadFixture(name), name.startsWith('gmail') ? URLS.gmailThread : URLS.outlookThread) as Extract<ThreadRead, { status: 'ok' }>;
  return read.thread;
}

describe('companies on a thread', () => {
  it("matches the customer's registrable domain, leaving out the rep's own domain", () => {
    const { domains, leftOut } = companyDomains(threadParticipants(thread('gmail-thread.html')), SAM);
    expect(domains.map((d) => d.domain)).toEqual(['acme-gmbh.de']);
    expect(domains[0]!.people.map((p) => p.address)).toEqual(['jane.doe@acme-gmbh.de', 'li.na@acme-gmbh.de', 'einkauf@acme-gmbh.de']);
    expect(leftOut).toEqual([{ address: 'sam@sidecar-demo.com', reason: 'own' }]);
  });

  it('leaves out free mail (qq.com) and notification senders (系统通知) in a Chinese thread', () => {
    const { domains, leftOut } = companyDomains(threadParticipants(thread('gmail-thread-zh.html')), SAM);
    expect(domains).toEqual([{ domain: 'xinghe-tech.cn', people: [{ name: '张伟', address: 'zhangwei@xinghe-tech.cn' }] }]);
    expect(leftOut).toEqual(
      expect.arrayContaining([
        { address: 'lixiaoming@qq.com', reason: 'free-mail' },
        { address: 'notice@xinghe-tech.cn', reason: 'automated' },
        { address: 'sam@sidecar-demo.com', reason: 'own' },
      ]),
    );
  });

  it("finds the customer of a colleague's forward (From: in the forwarded header); the colleague is the rep's own domain", () => {
    const { domains, leftOut } = companyDomains(threadParticipants(thread('gmail-forwarded.html')), SAM);
    expect(domains).toEqual([{ domain: 'huaxin-pack.com', people: [{ name: 'Wang Fang', address: 'wang.fang@huaxin-pack.com' }] }]);
    expect(leftOut.map((l) => l.address)).toEqual(['li.lei@sidecar-demo.com', 'sam@sidecar-demo.com']);
  });

  it('reads both companies of a Chinese Outlook forward', () => {
    const { domains } = companyDomains(threadParticipants(thread('outlook-thread-zh.html')), SAM);
    expect(domains.map((d) => d.domain).sort()).toEqual(['huaxin-pack.com', 'xinghe-tech.cn']);
  });

  it('matches subdomains by their registrable domain, and the rep\'s company domains set apart from addresses', () => {
    const participants = [
      { name: 'Bo', address: 'bo@sales.acme.co.uk' },
      { name: 'Cy', address: 'cy@acme.co.uk' },
      { name: 'Colleague', address: 'ann@eu.sidecar-group.com' },
    ];
    const { domains, leftOut } = companyDomains(participants, { addresses: ['sam@gmail.com'], domains: ['sidecar-group.com'] });
    expect(domains).toEqual([{ domain: 'acme.co.uk', people: participants.slice(0, 2) }]);
    expect(leftOut).toEqual([{ address: 'ann@eu.sidecar-group.com', reason: 'own' }]);
  });

  it.each([
    'noreply@github.com', 'no-reply@accounts.google.com', 'donotreply@bank.com', 'do_not_reply@acme.com', 'notifications@github.com',
    'mailer-daemon@googlemail.com', 'postmaster@acme.com', 'bounce-1234@mail.acme.com', 'bounces+abc@acme.com', 'jobs-noreply@linkedin.com', 'user@bounce.acme.com',
  ])('treats %s as a sender nobody answers', (address) => {
    expect(isAutomatedSender({ name: null, address })).toBe(true);
  });

  it('keeps role addresses people answer (sales@, info@, einkauf@), and reads 通知 in a display name', () => {
    for (const address of ['sales@acme.com', 'info@acme.com', 'einkauf@acme-gmbh.de', 'noreen@acme.com']) expect(isAutomatedSender({ name: null, address })).toBe(false);
    expect(isAutomatedSender({ name: '系统通知', address: 'service@acme.cn' })).toBe(true);
  });

  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'qq.com', '163.com', '126.com', 'sina.com', 'sohu.com', 'foxmail.com', 'yeah.net', 'aliyun.com', 'vip.163.com', 'hotmail.co.uk'])(
    'never turns a %s address into a company',
    (domain) => {
      const { domains, leftOut } = companyDomains([{ name: 'X', address: `someone@${domain}` }], SAM);
      expect(domains).toEqual([]);
      expect(leftOut[0]!.reason).toBe('free-mail');
    },
  );
});

describe('direction', () => {
  it("is outbound from the rep's addresses (plus-addressing and case aside) and inbound otherwise", () => {
    const [reply, answer] = thread('gmail-thread.html').messages;
    expect(messageDirection(reply!, SAM)).toBe('outbound');
    expect(messageDirection(answer!, SAM)).toBe('inbound');
    expect(messageDirection({ sender: { name: null, address: 'Sam+crm@Sidecar-Demo.com' } }, SAM)).toBe('outbound');
    expect(messageDirection({ sender: { name: null, address: 's.a.m@googlemail.com' } }, { addresses: ['sam@gmail.com'], domains: [] })).toBe('outbound');
  });

  it("is outbound from a colleague at the rep's company domain", () => {
    expect(messageDirection({ sender: { name: null, address: 'li.lei@sidecar-demo.com' } }, SAM)).toBe('outbound');
    // A rep on free mail does not make every gmail.com sender a colleague.
    expect(messageDirection({ sender: { name: null, address: 'jane@gmail.com' } }, { addresses: ['sam@gmail.com'], domains: [] })).toBe('inbound');
  });
});
