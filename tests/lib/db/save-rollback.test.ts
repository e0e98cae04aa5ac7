import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
// The clock the saves read; a test moves it to let a lease run out or to set the wall clock back.
let clockMs = Date.parse('2026-11-23T10:00:00Z');
const now = () => new Date(clockMs);

/** A database whose captures table refuses a capture of a URL containing "fail", as a full disk or a browser abort would. */
function failingDb(name = `save-rollback-test-${++counter}`): SidecarDatabase {
  const db = new SidecarDatabase(name);
  db.use({
    stack: 'dbcore',
    name: 'test-failing-captures',
    level: 0,
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'captures') return table;
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              const values = (req as { values?: Array<{ url?: string }> }).values ?? [];
              if (values.some((v) => v.url?.includes('fail'))) return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
  return db;
}

const capture = (i: number | string) => makeCapture({ url: `https://company-${i}.com/`, domain: `company-${i}.com`, name: `Company ${i}` });

async function counts(db: SidecarDatabase) {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = table.name === 'meta' ? await table.toArray() : await table.count();
  return out;
}

describe('a save that fails next to others (rollbacks and the in-memory clock and codes)', () => {
  beforeEach(() => {
    clockMs = Date.parse('2026-11-23T10:00:00Z');
  });

  it('a failed new-lead save writes nothing (first save: both leases)', async () => {
    const db = failingDb();
    await db.open();
    const before = await counts(db);
    await expect(new LeadStore(db, { now }).saveClip(capture('fail-1'), {}, null)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
  });

  it('a failed merge save writes nothing', async () => {
    const db = failingDb();
    const store = new LeadStore(db, { now });
    await store.saveClip(capture('x'), {}, null);
    const before = await counts(db);
    const failing = { ...capture('x'), url: 'https://company-x.com/fail' };
    await expect(store.saveClip(failing, { industry: 'Robots' } as never, null)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
  });

  it('a save started alongside one that fails still succeeds', async () => {
    const db = failingDb();
    const store = new LeadStore(db, { now });
    await store.saveClip(capture(1), {}, null);
    const pa = store.saveClip(capture('fail-2'), {}, null);
    // It may fail while the test waits below: its failure is looked at later (allSettled), not unhandled.
    pa.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    const pb = store.saveClip(capture(3), {}, null);
    const [a, b] = await Promise.allSettled([pa, pb]);
    expect(a.status).toBe('rejected');
    expect(b).toMatchObject({ status: 'fulfilled' });
  });

  it('codes: no gap or duplicate after an aborted save and a restart', async () => {
    const name = `save-rollback-test-${++counter}`;
    const db = failingDb(name);
    const store = new LeadStore(db, { now });
    const codes = [(await store.saveClip(capture(1), {}, null)).code];
    await expect(store.saveClip(capture('fail-3'), {}, null)).rejects.toThrow();
    codes.push((await store.saveClip(capture(2), {}, null)).code);
    db.close();
    const again = failingDb(name);
    codes.push((await new LeadStore(again, { now }).saveClip(capture(4), {}, null)).code);
    expect(codes).toEqual(['LX2026001', 'LX2026002', 'LX2026003']);
  });

  it('codes: 250 concurrent saves across leases, then a restart', async () => {
    const name = `save-rollback-test-${++counter}`;
    const db = failingDb(name);
    const store = new LeadStore(db, { now });
    const first = await Promise.all(Array.from({ length: 250 }, (_, i) => store.saveClip(capture(`c${i}`), {}, null)));
    db.close();
    const again = new SidecarDatabase(name);
    const second = await Promise.all(Array.from({ length: 5 }, (_, i) => new LeadStore(again, { now }).saveClip(capture(`d${i}`), {}, null)));
    const codes = [...first, ...second].map((l) => l.code).sort();
    expect(new Set(codes).size).toBe(255);
    expect(codes.at(-1)).toBe('LX2026255');
  });

  it('codes: a save next to a failed one that renewed the lease; then two more saves', async () => {
    const db = failingDb();
    const store = new LeadStore(db, { now });
    for (let i = 1; i <= 100; i++) await store.saveClip(capture(`e${i}`), {}, null);
    const pa = store.saveClip(capture('fail-5'), {}, null);
    // It may fail while the test waits below: its failure is looked at later (allSettled), not unhandled.
    pa.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    const pb = store.saveClip(capture('e101'), {}, null);
    const [a, b] = await Promise.allSettled([pa, pb]);
    expect([a.status, b.status]).toEqual(['rejected', 'fulfilled']);
    await store.saveClip(capture('e102'), {}, null);
    await store.saveClip(capture('e103'), {}, null);
    const all = (await db.leads.toArray()).map((l) => l.code).sort();
    expect(all).toHaveLength(103);
    expect(new Set(all).size).toBe(all.length);
    expect(((await db.meta.get('leadCodeSequence:2026'))?.value as number) >= Number(all.at(-1)!.slice(6))).toBe(true);
  });

  it('clock: a stamp issued next to a failed lease renewal is still covered after a restart with the wall clock set back', async () => {
    const name = `save-rollback-test-${++counter}`;
    const db = failingDb(name);
    const store = new LeadStore(db, { now });
    await store.saveClip(capture('x'), {}, null); // lease stored at t0 + 60 s
    clockMs += 120_000; // the lease has run out
    const results = await Promise.allSettled([store.saveClip(capture('fail-4'), {}, null), store.saveClip({ ...makeCapture({ url: 'https://company-x.com/about', domain: 'company-x.com', name: 'Company x', emails: ['new@company-x.com'] }) }, {}, null)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    const merged = (results[1] as PromiseFulfilledResult<{ updatedAt: string; versions: Record<string, string> }>).value;
    const issued = Object.values(merged.versions).sort().at(-1)!;
    db.close();
    clockMs -= 120_000; // the wall clock set back after the restart
    const again = new SidecarDatabase(name);
    const next = await new LeadStore(again, { now }).saveClip(capture('y'), {}, null);
    const nextStamp = Object.values(next.versions).sort().at(-1)!;
    expect(nextStamp > issued).toBe(true);
  });

  it('clock: after a rollback, the next save stamps above the save that ran alongside it', async () => {
    const db = failingDb();
    const store = new LeadStore(db, { now });
    await store.saveClip(capture('x'), {}, null);
    clockMs += 120_000;
    const results = await Promise.allSettled([store.saveClip(capture('fail-6'), {}, null), store.saveClip(makeCapture({ url: 'https://company-x.com/about', domain: 'company-x.com', name: 'Company x', emails: ['new@company-x.com'] }), {}, null)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    const issued = Object.values((results[1] as PromiseFulfilledResult<{ versions: Record<string, string> }>).value.versions).sort().at(-1)!;
    const next = await store.saveClip(capture('z'), {}, null);
    const nextStamp = Object.values(next.versions).sort().at(-1)!;
    expect(nextStamp > issued).toBe(true);
  });

  it('intoLeadId conflict, first save after a restart: nothing written, leases included', async () => {
    const name = `save-rollback-test-${++counter}`;
    const db = failingDb(name);
    const store = new LeadStore(db, { now });
    const a = await store.saveClip(capture('a'), {}, null);
    await store.saveClip(capture('b'), {}, null);
    db.close();
    clockMs += 300_000;
    const again = failingDb(name);
    await again.open();
    const before = await counts(again);
    await expect(new LeadStore(again, { now }).saveClip(capture('b'), {}, null, { intoLeadId: a.id })).rejects.toThrow(/own lead/);
    expect(await counts(again)).toEqual(before);
  });
});
