import { SidecarDatabase } from '@/lib/db';
import { nextStamp } from '@/lib/db/device-clock';

let counter = 0;
const freshName = () => `device-clock-test-${++counter}`;
const T = Date.parse('2026-11-23T10:00:00Z');

async function stampIn(db: SidecarDatabase, now: number): Promise<string> {
  return db.transaction('rw', db.meta, () => nextStamp(db, now));
}

describe('the device clock', () => {
  it('issues increasing stamps even when the wall clock jumps back', async () => {
    const db = new SidecarDatabase(freshName());
    const first = await stampIn(db, T);
    const second = await stampIn(db, T - 3_600_000);
    const third = await stampIn(db, T - 3_600_000);
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
  });

  it('a restarted background (a new database instance) never issues a stamp below one issued before', async () => {
    const name = freshName();
    const before = new SidecarDatabase(name);
    const issued: string[] = [];
    for (let i = 0; i < 50; i++) issued.push(await stampIn(before, T + i * 1_000));
    before.close();

    // The service worker restarts and the machine's clock is now an hour behind.
    const after = new SidecarDatabase(name);
    const next = await stampIn(after, T - 3_600_000);
    expect(issued.every((stamp) => next > stamp)).toBe(true);
  });

  it('does not write the clock on every stamp', async () => {
    const db = new SidecarDatabase(freshName());
    await stampIn(db, T);
    const stored = (await db.meta.get('clock'))?.value;
    for (let i = 1; i <= 20; i++) await stampIn(db, T + i * 100);
    expect((await db.meta.get('clock'))?.value).toEqual(stored);
  });
});
