import { LeadStore, SidecarDatabase } from '@/lib/db';
import { PageCapture, type CaptureFields } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let databaseCounter = 0;
function openStore() {
  let minute = 0;
  const db = new SidecarDatabase(`one-company-test-${++databaseCounter}`);
  return { db, store: new LeadStore(db, { now: () => new Date(Date.UTC(2026, 10, 23, 10, minute++)) }) };
}

const page = (url: string, name: string, fields: Partial<CaptureFields> = {}) =>
  PageCapture.parse({
    ...makeCapture({ url, domain: null, name, emails: [], phones: [] }),
    fields: { ...makeCapture({ name, emails: [], phones: [] }).fields, ...fields },
  });
const person = (name: string, phones: string[] = [], emails: string[] = []) => ({ name: { value: name, source: 'text' as const, snippet: name, confidence: 0.8 }, phones, emails });
const CREDIT_CODE = { value: '91440300MA5DC0LX3K', source: 'footer' as const, snippet: '统一社会信用代码 91440300MA5DC0LX3K', confidence: 0.95 };

describe('one company, one lead', () => {
  it("clipping a company's home, contact and about pages gives one lead with everything each page adds", async () => {
    const { db, store } = openStore();
    const home = await store.saveClip(page('https://www.huarui.cn/', '华瑞电子', { phones: [{ value: '+86 755 8888 6666', source: 'link', snippet: '', confidence: 0.95, kind: 'phone' }] }), {}, null);
    const contactPage = page('https://www.huarui.cn/contact', '华瑞电子', {
      emails: [{ value: 'sales@huarui.cn', source: 'link', snippet: '', confidence: 0.95 }],
      people: [person('张经理', ['+86 138 0013 8000'], ['zhang@huarui.cn']), person('李工', [], ['li@huarui.cn'])],
    });
    const preview = await store.previewClip(contactPage);
    expect(preview).toMatchObject({ isNew: false, possibleDuplicates: [] });
    expect(preview.contacts.map((c) => c.name)).toEqual(['张经理', '李工']);
    await store.saveClip(contactPage, {}, null);
    const about = await store.saveClip(
      page('https://about.huarui.cn/', '深圳市华瑞电子科技有限公司', {
        foundingYear: { value: 2003, source: 'text', snippet: '成立于2003年', confidence: 0.9 },
        creditCode: CREDIT_CODE,
        people: [person('张经理', [], ['zhang@huarui.cn'])],
      }),
      {},
      null,
    );
    expect(about.id).toBe(home.id);
    expect(await db.leads.count()).toBe(1);
    expect(about).toMatchObject({ name: '华瑞电子', domain: 'huarui.cn', foundingYear: 2003, creditCode: '91440300MA5DC0LX3K', registeredLocation: '广东 深圳', region: '广东 深圳', emails: ['sales@huarui.cn'] });
    const contacts = await store.contactsOf(home.id);
    expect(contacts.map((c) => [c.name, c.phones, c.pageUrls.length])).toEqual([
      ['张经理', ['138****8000'], 2],
      ['李工', [], 1],
    ]);
    expect(await db.captures.where('leadId').equals(home.id).count()).toBe(3);
  });

  it('never merges two companies hosted on the same platform or free-mail domain', async () => {
    const { db, store } = openStore();
    const foo = await store.saveClip(page('https://foo.wixsite.com/home', 'Foo Bakery'), {}, null);
    const bar = await store.saveClip(page('https://bar.wixsite.com/home', 'Bar Plumbing'), {}, null);
    const gh = await store.saveClip(page('https://bar.github.io/', 'Bar Labs'), {}, null);
    expect(new Set([foo.id, bar.id, gh.id]).size).toBe(3);
    expect([foo.domain, bar.domain, gh.domain]).toEqual(['foo.wixsite.com', 'bar.wixsite.com', 'bar.github.io']);
    expect((await store.saveClip(page('https://foo.wixsite.com/contact', 'Foo Bakery'), {}, null)).id).toBe(foo.id);
    expect(await db.leads.count()).toBe(3);
  });

  it('files a page of another domain into the lead with the same credit code', async () => {
    const { db, store } = openStore();
    const cn = await store.saveClip(page('https://www.huarui.cn/', '华瑞电子', { creditCode: CREDIT_CODE }), {}, null);
    const en = await store.saveClip(page('https://www.huarui-electronics.com/', 'Huarui Electronics', { creditCode: CREDIT_CODE }), {}, null);
    expect(en.id).toBe(cn.id);
    expect(en.otherDomains).toEqual(['huarui-electronics.com']);
    // The next page there files into the same lead even without the code on it.
    expect((await store.findForUrl('https://www.huarui-electronics.com/products'))?.id).toBe(cn.id);
    expect(await db.leads.count()).toBe(1);
  });

  it('offers a likely duplicate under another domain for merging, and does not merge it silently', async () => {
    const { db, store } = openStore();
    const com = await store.saveClip(page('https://www.acme.com/', 'Acme Robotics Inc.'), {}, null);
    const preview = await store.previewClip(page('https://www.acme.de/', 'ACME Robotics GmbH'));
    expect(preview.isNew).toBe(true);
    expect(preview.possibleDuplicates.map((d) => [d.lead.id, d.reason])).toEqual([[com.id, 'name']]);
    const de = await store.saveClip(page('https://www.acme.de/', 'ACME Robotics GmbH'), {}, null);
    expect(de.id).not.toBe(com.id);
    expect(await db.leads.count()).toBe(2);
    expect((await store.previewClip(page('https://www.acme.de/kontakt', 'ACME Robotics GmbH'))).possibleDuplicates.map((d) => d.lead.id)).toEqual([com.id]);
  });

  it('saves a page into the lead the rep chose as the same company, and remembers its domain', async () => {
    const { db, store } = openStore();
    const com = await store.saveClip(page('https://www.acme.com/', 'Acme Robotics Inc.'), {}, null);
    const saved = await store.saveClip(page('https://www.acme.de/', 'ACME Robotics GmbH'), {}, null, { intoLeadId: com.id });
    expect(saved.id).toBe(com.id);
    expect(saved.otherDomains).toEqual(['acme.de']);
    expect((await store.findForUrl('https://shop.acme.de/'))?.id).toBe(com.id);
    expect(await db.leads.count()).toBe(1);
    const other = await store.saveClip(page('https://www.globex.cn/', 'Globex'), {}, null);
    await expect(store.saveClip(page('https://www.globex.cn/about', 'Globex'), {}, null, { intoLeadId: com.id })).rejects.toThrow(/already has its own lead/);
    expect((await store.get(other.id))?.deletedAt).toBeNull();
  });

  it("merges two leads keeping contacts, captures and what the rep typed on either, and later pages follow", async () => {
    const { db, store } = openStore();
    const com = await store.saveClip(page('https://www.acme.com/', 'Acme Robotics Inc.', { people: [person('Anna Schmidt', [], ['anna@acme.com'])] }), { stage: 'initial_contact' }, null);
    const de = await store.saveClip(page('https://www.acme.de/', 'ACME Robotics GmbH', { people: [person('Bob Meyer')] }), { needDescription: '20 robots in Q1' }, null);
    const merged = await store.mergeLeads(com.id, de.id);
    expect(merged).toMatchObject({ id: com.id, code: com.code, stage: 'initial_contact', needDescription: '20 robots in Q1', domain: 'acme.com', otherDomains: ['acme.de'] });
    expect((await store.contactsOf(com.id)).map((c) => c.name).sort()).toEqual(['Anna Schmidt', 'Bob Meyer']);
    expect(await db.captures.where('leadId').equals(com.id).count()).toBe(2);
    expect(await store.get(de.id)).toBeUndefined();
    expect(await db.leads.get(de.id)).toMatchObject({ mergedInto: com.id, domain: null });
    expect((await store.saveClip(page('https://www.acme.de/kontakt', 'ACME Robotics GmbH'), {}, null)).id).toBe(com.id);
    expect((await store.recent(10)).map((lead) => lead.id)).toEqual([com.id]);
    await expect(store.mergeLeads(com.id, de.id)).rejects.toThrow(/no longer exists/);
    await expect(store.mergeLeads(com.id, com.id)).rejects.toThrow(/itself/);
  });
});

describe("people's phone numbers are stored masked (shared/domain.md §7)", () => {
  const contactPage = () =>
    page('https://www.huarui.cn/contact', '华瑞电子', {
      phones: [
        { value: '+86 755 8888 6666', source: 'text', snippet: '总机：0755-88886666', confidence: 0.8, kind: 'phone' },
        { value: '+86 138 0013 8000', source: 'text', snippet: '张经理 138-0013-8000', confidence: 0.8, kind: 'mobile' },
      ],
      people: [person('张经理', ['+86 138 0013 8000'])],
    });

  it('by default: in the lead, its contacts and the stored evidence, which keeps the page URL', async () => {
    const { db, store } = openStore();
    const lead = await store.saveClip(contactPage(), { phones: ['+86 755 8888 6666', '138****8000', '+86 139 1234 5678'] }, null);
    expect(lead.phones).toEqual(['+86 755 8888 6666', '138****8000', '139****5678']);
    expect((await store.contactsOf(lead.id))[0]).toMatchObject({ phones: ['138****8000'], pageUrls: ['https://www.huarui.cn/contact'] });
    const stored = JSON.stringify(await db.captures.toArray());
    expect(stored).not.toMatch(/0013.?8000/);
    expect(stored).toContain('https://www.huarui.cn/contact');
    const updated = await store.update(lead.id, { phones: [...lead.phones, '13600001111'] });
    expect(updated!.phones).toContain('136****1111');
  });

  it('in full when the team turned masking off', async () => {
    const { store } = openStore();
    const lead = await store.saveClip(contactPage(), {}, null, { maskPhones: false });
    expect(lead.phones).toContain('+86 138 0013 8000');
    expect((await store.contactsOf(lead.id))[0]!.phones).toEqual(['+86 138 0013 8000']);
  });
});
