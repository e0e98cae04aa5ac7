import { contactsFromCapture, type ContactWrite } from '@/lib/leads';
import { Contact, type PersonCapture } from '@/lib/schema';

let ids = 0;
const write = (overrides: Partial<ContactWrite> = {}): ContactWrite => ({
  leadId: '019a0f3e-5c00-7a00-8000-00000000b001',
  pageUrl: 'https://www.huarui.cn/contact',
  stamp: '1763892000000-0000-origin',
  now: '2026-11-23T10:00:00.000Z',
  ownerId: null,
  teamId: null,
  maskPhones: true,
  newId: () => `019a0f3e-5c00-7a00-8000-${String(++ids).padStart(12, '0')}`,
  ...overrides,
});
const person = (name: string, extra: Partial<PersonCapture> = {}): PersonCapture => ({
  name: { value: name, source: 'text', snippet: name, confidence: 0.8 },
  emails: [],
  phones: [],
  ...extra,
});

describe("the page's people become the lead's contacts", () => {
  it('creates a contact per person, phones masked, with the page it was found on', () => {
    const [zhang] = contactsFromCapture([], [person('张经理', { title: { value: '采购总监', source: 'text', snippet: '', confidence: 0.8 }, phones: ['+86 138 0013 8000'], emails: ['Zhang@Huarui.cn', 'not an email'] })], write());
    expect(Contact.parse(zhang)).toEqual(zhang);
    expect(zhang).toMatchObject({ name: '张经理', title: '采购总监', phones: ['138****8000'], emails: ['zhang@huarui.cn'], pageUrls: ['https://www.huarui.cn/contact'], decisionRole: 'unknown', verified: false });
  });

  it('keeps the full number when the team turned masking off', () => {
    expect(contactsFromCapture([], [person('Li Wei', { phones: ['+86 138 0013 8000'] })], write({ maskPhones: false }))[0]!.phones).toEqual(['+86 138 0013 8000']);
  });

  it('knows a person again by name or email, and adds only what is new', () => {
    const [li] = contactsFromCapture([], [person('Li Wei', { emails: ['li.wei@huarui.cn'] })], write());
    const later = write({ pageUrl: 'https://www.huarui.cn/team', stamp: '1763892000100-0000-later' });
    const updates = contactsFromCapture([li!], [person('LI  WEI', { title: { value: 'CTO', source: 'text', snippet: '', confidence: 0.8 } }), person('Wei Li', { emails: ['li.wei@huarui.cn'], phones: ['+86 10 6608 5566'] })], later);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ id: li!.id, title: 'CTO', phones: ['010-****5566'], pageUrls: ['https://www.huarui.cn/contact', 'https://www.huarui.cn/team'] });
    expect(updates[0]!.versions.title).toBe('1763892000100-0000-later');
    expect(updates[0]!.versions.name).toBe('1763892000000-0000-origin');
    expect(contactsFromCapture(updates, [person('Li Wei')], later)).toEqual([]);
  });

  it('de-duplicates people listed twice on one page', () => {
    expect(contactsFromCapture([], [person('Anna Schmidt'), person('anna schmidt', { emails: ['anna@acme.de'] })], write())).toHaveLength(1);
  });
});
