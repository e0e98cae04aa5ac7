import { LeadStore, SidecarDatabase, toRow } from '@/lib/db';
import { CoreTransaction } from '@/lib/db/core-transaction';
import { CODE_LEASE, takeLeadCode } from '@/lib/db/lead-code';
import { dexieTransactionEnd } from '@/lib/db/write-cache';
import { loadWriteCaches } from '@/lib/db/write-caches';
import { newLeadFromCapture } from '@/lib/leads';
import { makeCapture } from '../../helpers/make-capture';

let databaseCounter = 0;
const now = () => new Date('2026-11-23T10:00:00Z');
const freshName = () => `lead-code-test-${++databaseCounter}`;

function captureOf(i: number) {
  return makeCapture({ url: `https://company-${i}.com/`, domain: `company-${i}.com`, name: `Company ${i}` });
}

async function clip(db: SidecarDatabase, i: number): Promise<string> {
  return (await new LeadStore(db, { now }).saveClip(captureOf(i), {}, null)).code;
}

/** A lead stored with `code`, as a pull from the team or an older version of the extension leaves it. */
async function storeWithCode(db: SidecarDatabase, i: number, code: string): Promise<void> {
  const lead = newLeadFromCapture({ id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, code, capture: captureOf(i), stamp: '1763892000000-0000-a1b2c3d4e5f60718', now: now().toISOString(), ownerId: null });
  await db.leads.add(toRow(lead));
}

const storedLease = async (db: SidecarDatabase) => (await db.meta.get('leadCodeSequence:2026'))?.value;

describe('human-readable lead codes', () => {
  it('writes the code sequence once per lease of codes, not on every new lead', async () => {
    const db = new SidecarDatabase(freshName());
    const codes: string[] = [];
    for (let i = 1; i <= 5; i++) codes.push(await clip(db, i));
    expect(codes).toEqual(['LX2026001', 'LX2026002', 'LX2026003', 'LX2026004', 'LX2026005']);
    expect(await storedLease(db)).toBe(CODE_LEASE);
  });

  it('a restarted background goes on from the last code used, without a gap', async () => {
    const name = freshName();
    const before = new SidecarDatabase(name);
    for (let i = 1; i <= 3; i++) await clip(before, i);
    before.close();

    const after = new SidecarDatabase(name);
    expect(await clip(after, 4)).toBe('LX2026004');
  });

  it('takes a new lease when the old one is used up, and the codes stay in sequence', async () => {
    const name = freshName();
    const db = new SidecarDatabase(name);
    const codes: string[] = [];
    for (let i = 1; i <= CODE_LEASE + 2; i++) codes.push(await clip(db, i));
    expect(codes.at(-3)).toBe(`LX2026${CODE_LEASE}`);
    expect(codes.at(-1)).toBe(`LX2026${CODE_LEASE + 2}`);
    expect(new Set(codes).size).toBe(codes.length);
    expect(await storedLease(db)).toBe(2 * CODE_LEASE);
    db.close();
    expect(await clip(new SidecarDatabase(name), 0)).toBe(`LX2026${CODE_LEASE + 3}`);
  });

  it('reads the sequence an earlier version stored (the last code claimed) and goes on after it', async () => {
    const db = new SidecarDatabase(freshName());
    await db.meta.put({ key: 'leadCodeSequence:2026', value: 41 });
    await storeWithCode(db, 41, 'LX2026041');
    expect(await clip(db, 42)).toBe('LX2026042');
  });

  it('finds the last code when the sequence has passed 999 (LX20261000 sorts before LX2026999)', async () => {
    const db = new SidecarDatabase(freshName());
    await db.meta.put({ key: 'leadCodeSequence:2026', value: 1050 });
    await storeWithCode(db, 998, 'LX2026998');
    await storeWithCode(db, 999, 'LX2026999');
    await storeWithCode(db, 1000, 'LX20261000');
    await storeWithCode(db, 1001, 'LX20261001');
    expect(await clip(db, 1002)).toBe('LX20261002');
  });

  it('skips a code a rep typed that only looks like one of the sequence', async () => {
    const db = new SidecarDatabase(freshName());
    await db.meta.put({ key: 'leadCodeSequence:2026', value: 100 });
    await storeWithCode(db, 7, 'LX2026007');
    await storeWithCode(db, 8, 'LX20260x9');
    expect(await clip(db, 9)).toBe('LX2026008');
  });

  it('a save that fails after taking its code leaves the sequence without a gap (Dexie and core transactions)', async () => {
    const db = new SidecarDatabase(freshName());
    await loadWriteCaches(db, 2026);
    const inDexie = db.transaction('rw', db.leads, db.meta, async () => {
      const taken = takeLeadCode(db, 2026, dexieTransactionEnd());
      if (taken.lease) await db.meta.put(taken.lease);
      throw new Error('the lead did not validate');
    });
    await expect(inDexie).rejects.toThrow('did not validate');
    await loadWriteCaches(db, 2026);
    const inCore = CoreTransaction.run(db, ['leads', 'meta'], async (tx) => {
      const taken = takeLeadCode(db, 2026, tx);
      expect(taken.code).toBe('LX2026001');
      if (taken.lease) await tx.write('meta', 'put', [taken.lease]);
      throw new Error('the capture did not validate');
    });
    await expect(inCore).rejects.toThrow('did not validate');
    expect(await storedLease(db)).toBeUndefined();
    expect(await clip(db, 1)).toBe('LX2026001');
  });

  it('two saves at once never get the same code', async () => {
    const db = new SidecarDatabase(freshName());
    const codes = await Promise.all([1, 2, 3, 4].map((i) => clip(db, i)));
    expect(new Set(codes)).toEqual(new Set(['LX2026001', 'LX2026002', 'LX2026003', 'LX2026004']));
  });
});
