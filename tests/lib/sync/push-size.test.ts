import { expect, it } from 'vitest';
import { HttpTransport, SyncEngine } from '../../../lib/sync';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness, type Harness, type TestUser } from '../../server/harness';
import { pullAll } from '../../server/sync-calls';
import { Device } from './device';

/** A long follow-up in Chinese: 20,000 characters (the most a summary holds), 60 KB of UTF-8. */
const longSummary = (n: number) => `第${n}次跟进：`.padEnd(20_000, '客户询问交期与报价');

/** The extension's own transport (HTTP, status codes and all) against the in-process server. */
function engineOf(h: Harness, user: TestUser, device: Device): SyncEngine {
  const transport = new HttpTransport({ baseUrl: 'http://sidecar.test', getToken: () => user.token, fetch: (input, init) => Promise.resolve(h.app.request(String(input), init)) });
  return new SyncEngine({ store: device.store, transport, now: () => h.now(), random: () => 0.5 });
}

describeEachBackend('pushes the server finds too large', (backend) => {
  const database = useMigratedDatabase(backend);

  it('long follow-ups logged offline go in smaller pushes when the server refuses a large one, and none is left behind', async () => {
    const h = createHarness(database(), { maxBodyBytes: 200 * 1024 });
    const { users } = await h.team(['rep']);
    const device = new Device(h, users[0]!, 'writer');
    const lead = await device.clip('long-threads.example');
    for (let i = 0; i < 30; i++) await device.logActivity(lead.id, longSummary(i));

    expect(await engineOf(h, users[0]!, device).sync()).toMatchObject({ pushed: 31, rejected: 0 });
    expect(device.pending()).toBe(0);
    const server = await pullAll(h, users[0]!);
    expect([...server.records.values()].filter((record) => record.summary?.startsWith('第'))).toHaveLength(30);
  });

  it('a change too large for the server on its own is set aside with a reason, and the changes behind it still go', async () => {
    const h = createHarness(database(), { maxBodyBytes: 40 * 1024 });
    const { users } = await h.team(['rep']);
    const device = new Device(h, users[0]!, 'writer');
    const lead = await device.clip('huge-note.example');
    const huge = await device.logActivity(lead.id, longSummary(1));
    const small = await device.logActivity(lead.id, 'Called back, sending the quote on Friday');

    expect(await engineOf(h, users[0]!, device).sync()).toMatchObject({ pushed: 2, rejected: 1 });
    expect(device.pending()).toBe(0);
    expect(device.store.snapshot().rejections).toEqual([expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/too large.*stays on this device/) })]);
    expect(device.records('activities').map((a) => a.id)).toContain(huge.id);
    const server = await pullAll(h, users[0]!);
    expect(server.records.has(small.id)).toBe(true);
    expect(server.records.has(huge.id)).toBe(false);
  });
});
