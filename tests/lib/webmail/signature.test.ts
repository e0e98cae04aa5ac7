import { ThreadRead, outlookAdapter, parseSignature } from '@/lib/webmail';
import { loadFixture, URLS } from './load-fixture';

describe('email signatures', () => {
  it('reads an English signature after a sign-off', () => {
    const body = 'Hi Sam,\n\nThursday works.\n\nBest regards,\nJane Doe\nHead of Procurement\nAcme GmbH\n+49 30 1234567\nwww.acme-gmbh.de';
    expect(parseSignature(body, { senderName: 'Jane Doe', senderAddress: 'jane.doe@acme-gmbh.de' })).toEqual({
      name: 'Jane Doe',
      title: 'Head of Procurement',
      company: 'Acme GmbH',
      phones: [{ value: '+49 30 1234567', kind: 'phone' }],
      website: 'www.acme-gmbh.de',
      domain: 'acme-gmbh.de',
    });
  });

  it('reads a Chinese signature: 张伟 | 采购经理, company, labelled mobile and landline, website', () => {
    const body = 'Sam 您好：\n\n请提供报价。\n\n此致\n敬礼\n\n张伟 | 采购经理\n深圳市星河科技有限公司\n手机：138 0013 8000\n电话：0755-8888 6666\n网址：www.xinghe-tech.cn\n地址：深圳市南山区科技园南区';
    expect(parseSignature(body, { senderName: '张伟', senderAddress: 'zhangwei@xinghe-tech.cn' })).toEqual({
      name: '张伟',
      title: '采购经理',
      company: '深圳市星河科技有限公司',
      phones: [
        { value: '+86 138 0013 8000', kind: 'mobile' },
        { value: '+86 755 8888 6666', kind: 'phone' },
      ],
      website: 'www.xinghe-tech.cn',
      domain: 'xinghe-tech.cn',
    });
  });

  it('reads a one-line signature after "-- " with labelled numbers', () => {
    const body = 'See you Thursday.\n-- \nTom Baker | VP Sales | Northwind Trading Ltd.\nT: +44 20 7946 0018 | M: +44 7911 123456\nhttps://northwind-trading.co.uk';
    const signature = parseSignature(body, { senderAddress: 'tom@northwind-trading.co.uk' });
    expect(signature).toMatchObject({ name: 'Tom Baker', title: 'VP Sales', company: 'Northwind Trading Ltd.', domain: 'northwind-trading.co.uk' });
    expect(signature?.phones).toEqual([
      { value: '+44 20 7946 0018', kind: 'phone' },
      { value: "+44 7911 123456", kind: "mobile" },
    ]);
  });

  it('reads "Name, Title" and a company without a legal suffix under the title', () => {
    const body = 'Thanks,\nMaria Garcia, Operations Manager\nBlue Harbor Logistics\nMobile: +1 415 555 2671';
    expect(parseSignature(body, { senderAddress: 'maria@blueharbor.com' })).toMatchObject({
      name: 'Maria Garcia',
      title: 'Operations Manager',
      company: 'Blue Harbor Logistics',
      phones: [{ value: '+1 415 555 2671', kind: 'mobile' }],
    });
  });

  it("reads the sender's own signature, not the one in the quoted or forwarded history", () => {
    const body = 'Sam, this one is yours.\n\nRegards,\nLi Lei\nSales Engineer\n\n---------- Forwarded message ---------\nFrom: Wang Fang <wang.fang@huaxin-pack.com>\n\nRegards,\nWang Fang\nPurchasing Director\nHuaxin Packaging Co., Ltd.\nMobile: +86 139 1234 5678';
    const signature = parseSignature(body, { senderName: 'Li Lei' });
    expect(signature).toMatchObject({ name: 'Li Lei', title: 'Sales Engineer', company: null, phones: [] });
  });

  it('reads a Chinese signature without a sign-off from the last lines, and a Chinese landline with area code', () => {
    const body = '王经理好，附件是更新后的报价单。\n李娜\n销售总监\n杭州华东机械有限公司\n电话：0571-8765 4321';
    expect(parseSignature(body, { senderAddress: 'lina@hd-machinery.com' })).toMatchObject({
      name: '李娜',
      title: '销售总监',
      company: '杭州华东机械有限公司',
      phones: [{ value: '+86 571 8765 4321', kind: 'phone' }],
    });
  });

  it('falls back to the display name when the signature has no name line', () => {
    const body = 'Best,\nProcurement Director\nContoso AG\n+41 44 668 18 00';
    expect(parseSignature(body, { senderName: 'Hans Muster', senderAddress: 'hans@contoso.ch' })).toMatchObject({ name: 'Hans Muster', title: 'Procurement Director', company: 'Contoso AG', phones: [{ value: '+41 44 668 18 00', kind: 'phone' }] });
  });

  it('ignores order numbers, dates and prices, and returns null when there is no signature', () => {
    expect(parseSignature('Please send the quote as PDF with our PO number 4500123456 by 2026-11-30.')).toBeNull();
    expect(parseSignature('')).toBeNull();
    const withPrice = parseSignature('Total: EUR 412,000.00\nBest regards,\nJane Doe', { senderAddress: 'jane@acme.de' });
    expect(withPrice).toMatchObject({ name: 'Jane Doe', phones: [] });
  });

  it('reads a huge body in bounded time', () => {
    const started = performance.now();
    parseSignature(`${'lorem ipsum 1234567 '.repeat(250_000)}\nBest,\nJane Doe`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads the signature of a message read from the Chinese Outlook fixture, not the forwarded one below it', () => {
    const read = outlookAdapter.readThread(loadFixture('outlook-thread-zh.html'), URLS.outlookThread) as Extract<ThreadRead, { status: 'ok' }>;
    const [message] = read.thread.messages;
    expect(parseSignature(message!.bodyText, { senderName: message!.sender.name, senderAddress: message!.sender.address })).toEqual({
      name: '张伟',
      title: '采购经理',
      company: '深圳市星河科技有限公司',
      phones: [{ value: '+86 138 0013 8000', kind: 'mobile' }],
      website: null,
      domain: null,
    });
  });
});
