import { LeadStore, SidecarDatabase } from '@/lib/db';
import { makeCapture } from '../../helpers/make-capture';

let databaseCounter = 0;
function openStore(now = () => new Date('2026-11-23T10:00:00Z')) {
  const db = new SidecarDatabase(`lead-store-test-${++databaseCounter}`);
  return { db, store: new LeadStore(db, { now }) };
}

describe('clipping companies into the local database', () => {
  it('saves a clipped company as a new lead with a human-readable code', async () => {
    const { store } = openStore();
    const lead = await store.saveClip(makeCapture(), {}, null);
    expect(lead.code).toBe('LX2026001');
    expect(lead.name).toBe('Acme Robotics');
    expect(lead.domain).toBe('acme-robotics.com');
    expect(lead.emails).toEqual(['sales@acme-robotics.com']);
    expect(lead.stage).toBe('not_contacted');
    expect(lead.source).toEqual({ kind: 'website', pageUrl: 'https://www.acme-robotics.com/', needKeywords: [] });
    expect(await store.findByDomain('acme-robotics.com')).toEqual(lead);
  });

  it('clipping a second page of the same company merges into one lead', async () => {
    const { db, store } = openStore();
    const first = await store.saveClip(makeCapture(), {}, null);
    const contactPage = makeCapture({
      url: 'https://shop.acme-robotics.com/contact',
      emails: ['sales@acme-robotics.com', 'support@acme-robotics.com'],
      phones: ['+1 415 555 0199'],
    });
    const preview = await store.previewClip(contactPage);
    expect(preview.isNew).toBe(false);
    expect(preview.lead.id).toBe(first.id);
    expect(preview.addedFields.sort()).toEqual(['emails', 'phones']);

    const merged = await store.saveClip(contactPage, {}, null);
    expect(merged.id).toBe(first.id);
    expect(merged.code).toBe('LX2026001');
    expect(merged.emails).toEqual(['sales@acme-robotics.com', 'support@acme-robotics.com']);
    expect(merged.phones).toEqual(['+1 415 555 0134', '+1 415 555 0199']);
    expect(await db.leads.count()).toBe(1);
    expect(await db.captures.where('leadId').equals(first.id).count()).toBe(2);
  });

  it('never overwrites what the rep typed with what a later page says', async () => {
    const { store } = openStore();
    await store.saveClip(makeCapture(), { name: 'ACME (key account)', description: 'Met at Canton Fair' }, null);
    const again = await store.saveClip(makeCapture({ name: 'Acme Robotics Inc.' }), {}, null);
    expect(again.name).toBe('ACME (key account)');
    expect(again.description).toBe('Met at Canton Fair');
  });

  it('stamps each edited field with a newer clock stamp so edits to different fields merge later', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const { store } = openStore(() => now);
    const lead = await store.saveClip(makeCapture(), {}, null);
    now = new Date('2026-11-23T09:00:00Z'); // the rep's clock jumps back an hour
    const edited = await store.update(lead.id, { stage: 'initial_contact' });
    expect(edited!.versions.stage! > lead.versions.stage!).toBe(true);
    expect(edited!.versions.name).toBe(lead.versions.name);
  });

  it('numbers codes in sequence within a year', async () => {
    const { store } = openStore();
    const a = await store.saveClip(makeCapture(), {}, null);
    const b = await store.saveClip(makeCapture({ url: 'https://globex.cn/', domain: 'globex.cn', name: 'Globex' }), {}, null);
    expect([a.code, b.code]).toEqual(['LX2026001', 'LX2026002']);
  });

  it('refuses an invalid edit and leaves the stored lead as it was', async () => {
    const { db, store } = openStore();
    const lead = await store.saveClip(makeCapture(), {}, null);
    await expect(store.saveClip(makeCapture(), { name: '' }, null)).rejects.toThrow();
    await expect(store.update(lead.id, { emails: ['not an email'] })).rejects.toThrow();
    expect(await store.get(lead.id)).toEqual(lead);
    expect(await db.captures.count()).toBe(1);
  });

  it('keeps leads after the database is closed and opened again (a browser restart)', async () => {
    const { db, store } = openStore();
    const lead = await store.saveClip(makeCapture(), {}, null);
    db.close();
    const reopened = new LeadStore(new SidecarDatabase(db.name));
    expect(await reopened.findForUrl('https://www.acme-robotics.com/about')).toEqual(lead);
  });

  it('lists recent leads newest first and finds leads by name prefix, Chinese names by any part', async () => {
    let minute = 0;
    const { store } = openStore(() => new Date(Date.UTC(2026, 10, 23, 10, minute++)));
    await store.saveClip(makeCapture(), {}, null);
    await store.saveClip(makeCapture({ url: 'https://www.tencent.com/', domain: 'tencent.com', name: '深圳市腾讯计算机系统有限公司' }), {}, null);
    await store.saveClip(makeCapture({ url: 'https://www.hikvision.com/', domain: 'hikvision.com', name: 'Hangzhou Hikvision Digital' }), {}, null);

    expect((await store.recent(2)).map((lead) => lead.domain)).toEqual(['hikvision.com', 'tencent.com']);
    expect((await store.search('腾讯', 10)).map((lead) => lead.domain)).toEqual(['tencent.com']);
    expect((await store.search('深圳', 10)).map((lead) => lead.domain)).toEqual(['tencent.com']);
    expect((await store.search('hik', 10)).map((lead) => lead.domain)).toEqual(['hikvision.com']);
    expect((await store.search('ＡＣＭＥ', 10)).map((lead) => lead.domain)).toEqual(['acme-robotics.com']);
    expect(await store.search('zzz', 10)).toEqual([]);
  });

  it('imports a batch all or nothing', async () => {
    const { db, store } = openStore();
    const lead = await store.saveClip(makeCapture(), {}, null);
    const copy = { ...lead, id: '01900000-0000-7000-8000-000000000001', code: 'LX2026099' };
    await expect(store.importLeads([{ ...lead, id: '01900000-0000-7000-8000-000000000002', domain: 'new.com' }, copy])).rejects.toThrow();
    expect(await db.leads.count()).toBe(1);
  });

  it('an import with an invalid lead far down the list stores none of it, outbox included', async () => {
    const { db, store } = openStore();
    const template = await store.saveClip(makeCapture(), {}, null);
    const outboxBefore = await db.outbox.count();
    const leads = Array.from({ length: 2_500 }, (_, i) => ({
      ...template,
      id: `01900000-0000-7000-8000-${String(i + 10).padStart(12, '0')}`,
      domain: `company-${i}.com`,
      code: `LX2025${String(i + 1).padStart(4, '0')}`,
    }));
    leads[2_400] = { ...leads[2_400]!, emails: ['not an email'] };
    await expect(store.importLeads(leads)).rejects.toThrow();
    expect(await db.leads.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outboxBefore);
    leads[2_400] = { ...leads[2_400]!, emails: [] };
    expect(await store.importLeads(leads)).toBe(2_500);
    expect(await db.leads.count()).toBe(2_501);
  });
});
