/**
 * What a save's shape costs in IndexedDB itself, without Dexie or the app: raw transactions of the same rows a
 * save writes, each variant one more or one fewer request, timed round-robin on one database. For deciding where
 * a save's writes can go (`node bench/run.mjs --only=shapes`); not a target of its own.
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { toRow, type LeadRow } from '../../lib/db';
import { newLeadFromCapture } from '../../lib/leads';
import { captureOf, companyOf } from './data';

const now = () => performance.now();

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('aborted'));
  });
}

interface Rows {
  lead: LeadRow;
  capture: object;
  outbox: object;
  mark: object;
}

type Variant = (idb: IDBDatabase, rows: Rows, year: number, dexie: Dexie) => Promise<void>;

const STORES = ['leads', 'captures', 'outbox', 'staleFacts', 'meta'];

const variants: Record<string, Variant> = {
  'put lead': async (idb, r) => {
    const tx = idb.transaction('leads', 'readwrite');
    tx.objectStore('leads').put(r.lead);
    await completion(tx);
  },
  'put lead, wide scope': async (idb, r) => {
    const tx = idb.transaction(STORES, 'readwrite');
    tx.objectStore('leads').put(r.lead);
    await completion(tx);
  },
  'read domain, put lead': async (idb, r) => {
    const tx = idb.transaction('leads', 'readwrite');
    await request(tx.objectStore('leads').index('domain').get(r.lead.domain!));
    tx.objectStore('leads').put(r.lead);
    await completion(tx);
  },
  'put lead + outbox': async (idb, r) => {
    const tx = idb.transaction(STORES, 'readwrite');
    tx.objectStore('leads').put(r.lead);
    tx.objectStore('outbox').add(r.outbox);
    await completion(tx);
  },
  'put lead + capture + outbox': async (idb, r) => {
    const tx = idb.transaction(STORES, 'readwrite');
    tx.objectStore('leads').put(r.lead);
    tx.objectStore('captures').add(r.capture);
    tx.objectStore('outbox').add(r.outbox);
    await completion(tx);
  },
  'read, put lead + capture + outbox': async (idb, r) => {
    const tx = idb.transaction(STORES, 'readwrite');
    await request(tx.objectStore('leads').index('domain').get(r.lead.domain!));
    tx.objectStore('leads').put(r.lead);
    tx.objectStore('captures').add(r.capture);
    tx.objectStore('outbox').add(r.outbox);
    await completion(tx);
  },
  'read, 5 writes (today)': async (idb, r, year) => {
    const tx = idb.transaction(STORES, 'readwrite');
    await request(tx.objectStore('leads').index('domain').get(r.lead.domain!));
    tx.objectStore('leads').put(r.lead);
    tx.objectStore('captures').add(r.capture);
    tx.objectStore('outbox').add(r.outbox);
    tx.objectStore('staleFacts').add(r.mark);
    tx.objectStore('meta').put({ key: `shapes:${year}`, value: 1 });
    await completion(tx);
  },
  'Dexie tables: read, 5 writes': async (_idb, r, year, dexie) => {
    await dexie.transaction('rw', STORES, async () => {
      await dexie.table('leads').where('domain').equals(r.lead.domain!).toArray();
      await Promise.all([
        dexie.table('leads').put(r.lead),
        dexie.table('captures').add(r.capture),
        dexie.table('outbox').add(r.outbox),
        dexie.table('staleFacts').add(r.mark),
        dexie.table('meta').put({ key: `shapes:${year}`, value: 1 }),
      ]);
    });
  },
  'Dexie core: read, 5 writes': async (_idb, r, year, dexie) => {
    await dexie.transaction('rw', STORES, async (tx) => {
      const trans = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
      const core = dexie.core;
      await core.table('leads').query({ trans, values: true, query: { index: core.table('leads').schema.getIndexByKeyPath('domain')!, range: { type: 1, lower: r.lead.domain, upper: r.lead.domain, lowerOpen: false, upperOpen: false } as never } });
      await Promise.all([
        core.table('leads').mutate({ type: 'put', trans, values: [r.lead] }),
        core.table('captures').mutate({ type: 'add', trans, values: [r.capture] }),
        core.table('outbox').mutate({ type: 'add', trans, values: [r.outbox] }),
        core.table('staleFacts').mutate({ type: 'add', trans, values: [r.mark] }),
        core.table('meta').mutate({ type: 'put', trans, values: [{ key: `shapes:${year}`, value: 1 }] }),
      ]);
    });
  },
  'core transaction: read, 5 writes': async (_idb, r, year, dexie) => {
    const core = dexie.core;
    const trans = core.transaction(STORES, 'readwrite') as unknown as IDBTransaction;
    const done = completion(trans);
    await core.table('leads').query({ trans: trans as never, values: true, query: { index: core.table('leads').schema.getIndexByKeyPath('domain')!, range: { type: 1, lower: r.lead.domain, upper: r.lead.domain, lowerOpen: false, upperOpen: false } as never } });
    await Promise.all([
      core.table('leads').mutate({ type: 'put', trans: trans as never, values: [r.lead] }),
      core.table('captures').mutate({ type: 'add', trans: trans as never, values: [r.capture] }),
      core.table('outbox').mutate({ type: 'add', trans: trans as never, values: [r.outbox] }),
      core.table('staleFacts').mutate({ type: 'add', trans: trans as never, values: [r.mark] }),
      core.table('meta').mutate({ type: 'put', trans: trans as never, values: [{ key: `shapes:${year}`, value: 1 }] }),
    ]);
    trans.commit();
    await done;
  },
  'Dexie tx, raw requests: read, 5 writes': async (_idb, r, year, dexie) => {
    await dexie.transaction('rw', STORES, async (tx) => {
      const t = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
      await request(t.objectStore('leads').index('domain').get(r.lead.domain!));
      t.objectStore('leads').put(r.lead);
      t.objectStore('captures').add(r.capture);
      t.objectStore('outbox').add(r.outbox);
      t.objectStore('staleFacts').add(r.mark);
      await request(t.objectStore('meta').put({ key: `shapes:${year}`, value: 1 }));
    });
  },
};

export async function shapes({ dbName, iterations, warmup, n }: { dbName: string; iterations: number; warmup: number; n: number }): Promise<Record<string, number[]>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const dexie = new Dexie(dbName, { cache: 'disabled' });
  dexie.unuse({ stack: 'dbcore', name: 'Cache' });
  dexie.unuse({ stack: 'dbcore', name: 'Observability' });
  dexie.unuse({ stack: 'dbcore', name: 'HooksMiddleware' });
  await dexie.open();
  const names = Object.keys(variants);
  const total = warmup + iterations;
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  let next = 10 * n;
  const fresh = (): Rows => {
    const company = companyOf(next++);
    const capture = captureOf(company);
    const at = Date.now();
    const lead = newLeadFromCapture({ id: uuidv7(), code: `LX2026${next}`, capture, stamp: `${at}-0000-a1b2c3d4e5f60718`, now: new Date(at).toISOString(), ownerId: null });
    const row = toRow(lead);
    return {
      lead: row,
      capture: { ...capture, id: uuidv7(), schemaVersion: 1, leadId: lead.id, capturedAt: lead.createdAt },
      outbox: { mutation: { clientMutationId: uuidv7(), table: 'leads', op: 'put', record: lead } },
      mark: { at: uuidv7(), leadIds: [lead.id] },
    };
  };
  for (let k = 0; k < total; k++) {
    // Rotate the order so that no variant always follows the same one.
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + k) % names.length]!;
      const rows = fresh();
      const t0 = now();
      await variants[name]!(idb, rows, 2026, dexie);
      if (k >= warmup) samples[name]!.push(now() - t0);
    }
  }
  idb.close();
  dexie.close();
  return samples;
}
