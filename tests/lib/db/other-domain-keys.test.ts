import { LeadStore, SidecarDatabase, toRow } from '@/lib/db';
import { markServerApply } from '@/lib/db/sync-capture';
import { PageCapture } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let databaseCounter = 0;
const freshName = () => `other-domain-keys-test-${++databaseCounter}`;
const storeOf = (db: SidecarDatabase) => new LeadStore(db, { now: () => new Date('2026-11-23T10:00:00Z') });
const page = (url: string, name: string) => PageCapture.parse(makeCapture({ url, domain: null, name, emails: [], phones: [] }));

describe("the company lookup's memory of other domains", () => {
  it('after a restart, knows the other domains stored before it and no others, and a page there files into its lead', async () => {
    const name = freshName();
    const before = new SidecarDatabase(name);
    const store = storeOf(before);
    const com = await store.saveClip(page('https://www.acme.com/', 'Acme Robotics Inc.'), {}, null);
    await store.saveClip(page('https://www.acme.de/', 'ACME Robotics GmbH'), {}, null, { intoLeadId: com.id });
    before.close();

    const after = new SidecarDatabase(name);
    await after.open();
    await after.otherDomainKeys.loaded();
    expect(after.otherDomainKeys.mayHold('acme.de')).toBe(true);
    expect(after.otherDomainKeys.mayHold('globex.cn')).toBe(false);
    const again = await storeOf(after).saveClip(page('https://shop.acme.de/kontakt', 'ACME Robotics GmbH'), {}, null);
    expect(again.id).toBe(com.id);
    expect(await after.leads.count()).toBe(1);
  });

  it('knows a domain as soon as a lead with it is written, by a save or by a pull from the team', async () => {
    const db = new SidecarDatabase(freshName());
    await db.open();
    await db.otherDomainKeys.loaded();
    const store = storeOf(db);
    const com = await store.saveClip(page('https://www.acme.com/', 'Acme Robotics Inc.'), {}, null);
    expect(db.otherDomainKeys.mayHold('acme.de')).toBe(false);
    await store.saveClip(page('https://www.acme.de/', 'ACME Robotics GmbH'), {}, null, { intoLeadId: com.id });
    expect((await store.findForUrl('https://www.acme.de/'))?.id).toBe(com.id);

    // A teammate's lead arrives with an other domain this device never wrote.
    const pulled = { ...(await store.saveClip(page('https://www.globex.cn/', 'Globex'), {}, null)), otherDomains: ['globex.com.cn'] };
    await db.transaction('rw', db.leads, async (trans) => {
      markServerApply(trans.idbtrans);
      await db.leads.put(toRow(pulled));
    });
    expect((await store.findForUrl('https://globex.com.cn/'))?.id).toBe(pulled.id);
  });

  it('reads the index for every key until its keys are loaded', async () => {
    const db = new SidecarDatabase(freshName());
    expect(db.otherDomainKeys.mayHold('anything.example')).toBe(true);
  });
});
