import { v7 as uuidv7 } from 'uuid';
import { LeadStore, SidecarDatabase, toRow } from '@/lib/db';
import { toLead } from '@/lib/db/company-lookup';
import { poolPage } from '@/lib/db/pool-leads';
import { foldRescoredTiers } from '@/lib/db/fold-rescored-tiers';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { LeadTracker } from '@/lib/background';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';
import type { Lead, Tier } from '@/lib/schema';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness } from '../../server/harness';
import { makeLead, stamper } from '../../server/records';
import { DexieDevice } from './dexie-sync-store-device';

const stamp = stamper('pool-test');

function lead(name: string, tier: Tier | null, updatedAt: string, fields: Partial<Lead> = {}): Lead {
  const domain = `${name.toLowerCase().replace(/\W+/g, '-')}.example`;
  return makeLead(stamp(), { id: uuidv7(), name, domain, tier, updatedAt, code: 'LX2026001', ...fields });
}

async function storeWith(leads: Lead[]) {
  const db = new SidecarDatabase(`pool-${uuidv7()}`);
  const store = new LeadStore(db);
  await store.importLeads(leads);
  return { db, store };
}

const names = (page: { leads: Array<{ lead: Lead }> }) => page.leads.map(({ lead }) => lead.name);

describe('the team pool, read from its own index', () => {
  const pool = [
    lead('Unscored Ltd', null, '2026-11-20T00:00:00.000Z'),
    lead('Old S Corp', 'S', '2026-11-01T00:00:00.000Z'),
    lead('C Trading', 'C', '2026-11-22T00:00:00.000Z'),
    lead('New S Corp', 'S', '2026-11-10T00:00:00.000Z'),
    lead('A Systems', 'A', '2026-11-02T00:00:00.000Z'),
    lead('B Works', 'B', '2026-11-03T00:00:00.000Z'),
  ];
  const owned = lead('Owned S Corp', 'S', '2026-11-21T00:00:00.000Z', { ownerId: 'rep-2' });
  const deleted = lead('Deleted S Corp', 'S', '2026-11-21T00:00:00.000Z', { deletedAt: '2026-11-21T00:00:00.000Z' });

  it('lists live unowned leads best first: S, A, B, C, unscored, the latest update first within a tier', async () => {
    const { db } = await storeWith([...pool, owned, deleted]);
    const page = await poolPage(db, { limit: 10 });
    expect(names(page)).toEqual(['New S Corp', 'Old S Corp', 'A Systems', 'B Works', 'C Trading', 'Unscored Ltd']);
    expect(page.total).toBe(6);
    expect(page.next).toBeNull();
    // Local index keys stay in the database: the leads handed out are plain leads.
    expect(Object.keys(page.leads[0]!.lead)).not.toContain('poolRank');
  });

  it('pages through the pool without repeating or skipping a lead, also among leads updated at the same instant', async () => {
    const sameTime = Array.from({ length: 5 }, (_, i) => lead(`Twin ${i}`, 'B', '2026-11-05T00:00:00.000Z'));
    const { db } = await storeWith([...pool, ...sameTime]);
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await poolPage(db, { limit: 3, after });
      expect(page.total).toBe(11);
      seen.push(...names(page));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen.slice(0, 3)).toEqual(['New S Corp', 'Old S Corp', 'A Systems']);
    expect(seen.at(-1)).toBe('Unscored Ltd');
  });

  it('searches the pool by a prefix of the name, best first, leaving out owned leads that match', async () => {
    const { db } = await storeWith([...pool, owned, deleted, lead('深圳市大疆创新科技有限公司', 'A', '2026-11-04T00:00:00.000Z')]);
    expect(names(await poolPage(db, { limit: 10, query: 'Corp' }))).toEqual(['New S Corp', 'Old S Corp']);
    expect(names(await poolPage(db, { limit: 10, query: '大疆' }))).toEqual(['深圳市大疆创新科技有限公司']);
    const first = await poolPage(db, { limit: 1, query: 'corp' });
    expect(names(first)).toEqual(['New S Corp']);
    expect(first.total).toBe(2);
    expect(names(await poolPage(db, { limit: 1, query: 'corp', after: first.next! }))).toEqual(['Old S Corp']);
  });

  it('searches a prefix that matches hundreds of leads in the pool’s own order, a page at a time', async () => {
    const many = Array.from({ length: 330 }, (_, i) =>
      lead(`Many ${String(i).padStart(3, '0')}`, (['S', 'A', 'B', 'C', null] as const)[i % 5]!, `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T00:00:00.000Z`, i % 11 === 0 ? { ownerId: 'rep-2' } : {}),
    );
    const { db } = await storeWith([...pool, ...many]);
    const whole: string[] = [];
    for (let next: string | undefined, more = true; more; ) {
      const page = await poolPage(db, { limit: 100, after: next });
      whole.push(...names(page));
      more = page.next !== null;
      next = page.next ?? undefined;
    }
    // The whole pool paged without a query, and only the matching leads kept: what the search must give.
    const wanted = whole.filter((name) => name.startsWith('Many'));
    expect(wanted).toHaveLength(300);
    expect(wanted.slice(0, 60).every((name) => Number(name.slice(5)) % 5 === 0)).toBe(true);
    const first = await poolPage(db, { limit: 40, query: 'many' });
    expect(first.total).toBe(300);
    expect(names(first)).toEqual(wanted.slice(0, 40));
    const second = await poolPage(db, { limit: 40, query: 'many', after: first.next! });
    expect(names(second)).toEqual(wanted.slice(40, 80));
  });

  it('says since when a lead is in the pool: when its owner was last changed, else when it was created', async () => {
    const released = lead('Released', 'B', '2026-11-05T00:00:00.000Z');
    released.versions = { ...released.versions, ownerId: `${Date.parse('2026-11-04T10:00:00.000Z')}-0000-device` };
    const { versions: _v, ...rest } = lead('Never owned', 'B', '2026-11-03T00:00:00.000Z', { createdAt: '2026-10-30T00:00:00.000Z' });
    const neverOwned = { ...rest, versions: {} } as Lead;
    const { db } = await storeWith([released, neverOwned]);
    const page = await poolPage(db, { limit: 10 });
    expect(page.leads.map(({ lead: { name }, inPoolSince }) => [name, inPoolSince])).toEqual([
      ['Released', '2026-11-04T10:00:00.000Z'],
      ['Never owned', '2026-10-30T00:00:00.000Z'],
    ]);
  });

  it('keeps the key right on every write: an owner set, a tombstone, a new tier written by a fold that rebuilds the row', async () => {
    const { db, store } = await storeWith(pool);
    const [unscored, oldS, cTrading] = pool as [Lead, Lead, Lead];
    // A pulled copy a teammate claimed, written as the sync store writes it.
    await db.leads.put(toRow({ ...unscored, ownerId: 'rep-2', updatedAt: '2026-11-23T00:00:00.000Z' }));
    // A merge leaves a tombstone.
    await store.mergeLeads(pool[3]!.id, oldS.id);
    // The re-score fold spreads the synced fields of the stored row and keeps only the name keys (fold-rescored-tiers.ts).
    const stored = (await db.leads.get(cTrading.id))!;
    await db.leads.put({ ...toLead(stored), tier: 'S', searchKeys: stored.searchKeys, nameKeys: stored.nameKeys });
    // The merge's survivor was updated just now, and C Trading (S now) on the 22nd: both ahead of the other tiers.
    expect(names(await poolPage(db, { limit: 10 }))).toEqual(['New S Corp', 'C Trading', 'A Systems', 'B Works']);
    expect((await db.leads.get(unscored.id))?.poolRank).toBeUndefined();
    // A lead given back to the pool returns to it.
    await db.leads.put(toRow({ ...unscored, ownerId: null, updatedAt: '2026-11-23T01:00:00.000Z' }));
    expect(names(await poolPage(db, { limit: 10 })).at(-1)).toBe('Unscored Ltd');
    db.close();
  });
});

describe('the team pool after a re-score', () => {
  it('shows a re-scored tier at once, and keys the lead by it once the re-score is folded into the rows', async () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    const db = new SidecarDatabase(`pool-rescore-${uuidv7()}`);
    const leads = new LeadStore(db, { now: () => now });
    const tracker = new LeadTracker(db, leads, { now: () => now });
    const save = async (domain: string, name: string, facts: Record<string, unknown>) => {
      const lead = await leads.saveClip(makeCapture({ url: `https://www.${domain}/`, domain, name }), facts, null);
      await tracker.afterWrite(lead, [], null);
    };
    // Scored with the defaults: the big buyer A (60 points), the small one C (30).
    await save('big-buyer.com', 'Big Buyer', { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } });
    await save('small-shop.com', 'Small Shop', { employees: 5000 });
    const tiers = async () => (await poolPage(db, { limit: 10 })).leads.map(({ lead }) => `${lead.name}:${lead.tier}`);
    expect(await tiers()).toEqual(['Big Buyer:A', 'Small Shop:C']);
    const stored = async () => (await db.leads.toArray()).map((row) => [row.name, row.poolRank?.[0]]).sort();
    expect(await stored()).toEqual([
      ['Big Buyer', '2'],
      ['Small Shop', '4'],
    ]);

    // The team lowers the bar: Big Buyer rises to S, Small Shop to B. Until the fold the keys keep the old tiers.
    await rescoreLeads(db, TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 55, A: 40, B: 25 } }), { now: () => now });
    expect(await tiers()).toEqual(['Big Buyer:S', 'Small Shop:B']);
    await foldRescoredTiers(db, { now: () => now });
    expect(await stored()).toEqual([
      ['Big Buyer', '1'],
      ['Small Shop', '3'],
    ]);
    db.close();
  });
});

describeEachBackend('the team pool across two reps', (backend) => {
  const database = useMigratedDatabase(backend);

  it('a lead a teammate claims leaves this rep’s pool when the claim is pulled, and the key never leaves the device', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep']);
    const alice = new DexieDevice(h, users[0]!, 'pool-alice');
    const bob = new DexieDevice(h, users[1]!, 'pool-bob');
    const pooled = await alice.clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await alice.clip('https://bolt-works.com/', 'Bolt Works', users[0]!.id);
    const queued = await alice.db.outbox.toArray();
    for (const { mutation } of queued) if (mutation.op === 'put') expect(Object.keys(mutation.record)).not.toContain('poolRank');
    await alice.engine.sync();
    await bob.engine.sync();
    expect(names(await poolPage(bob.db, { limit: 10 }))).toEqual(['Acme Robotics']);

    const claimed = await h.call('POST', `/v1/leads/${pooled.id}/claim`, undefined, users[0]!.token);
    expect(claimed.status).toBe(200);
    await bob.engine.sync();
    const page = await poolPage(bob.db, { limit: 10 });
    expect(page.leads).toEqual([]);
    expect(page.total).toBe(0);
    expect((await bob.db.leads.get(pooled.id))?.ownerId).toBe(users[0]!.id);
  });
});
