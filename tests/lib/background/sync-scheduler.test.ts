import { v7 as uuidv7 } from 'uuid';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expect, it, vi } from 'vitest';
import { SYNC_ALARM, SYNC_RETRY_ALARM, SyncScheduler } from '@/lib/background/sync-scheduler';
import { syncHandlers } from '@/lib/background/sync-handlers';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { PageCapture } from '@/lib/schema';
import { loadBackend } from '@/lib/settings/backend-store';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness, PASSWORD, type Harness } from '../../server/harness';
import { newClientId, pullAll, push, put } from '../../server/sync-calls';
import { makeLead } from '../../server/records';
import { formatHlc } from '@/lib/clock';
import { makeCapture } from '../../helpers/make-capture';

const URL_ = 'http://127.0.0.1:8787';

/** The in-process server behind `fetch`, with a switch that makes it unreachable, counting requests. */
function network(h: Harness) {
  const net = {
    down: false,
    requests: [] as string[],
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
      net.requests.push(new URL(url).pathname);
      if (net.down) throw new TypeError('fetch failed');
      return h.app.request(url, init);
    }) as typeof fetch,
  };
  return net;
}

describeEachBackend('syncing in the background', (backend) => {
  const database = useMigratedDatabase(backend);

  async function setup() {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep']);
    const net = network(h);
    const db = new SidecarDatabase(`scheduler-${uuidv7()}`);
    const leads = new LeadStore(db, { now: () => h.now() });
    const onPulled = vi.fn();
    const scheduler = new SyncScheduler({ db, fetch: net.fetch, debounceMs: 30, now: () => h.now(), onPulled });
    scheduler.install();
    const clip = (url: string, name: string) => leads.saveClip(PageCapture.parse(makeCapture({ url, domain: null, name, emails: [], phones: [] })), {}, null);
    return { h, manager: users[0]!, rep: users[1]!, net, db, leads, scheduler, clip, onPulled };
  }

  it('does nothing while signed out: changes wait in the outbox, alarms send nothing', async () => {
    const { net, scheduler, clip } = await setup();
    await clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 5 } as never);
    await scheduler.run('now');
    expect(net.requests).toEqual([]);
    expect(await scheduler.status()).toMatchObject({ signedIn: false, pending: 1, lastSyncAt: null });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('signs in with a clear error for a wrong password or an unreachable server, stores the token and never the password', async () => {
    const { net, scheduler, rep, clip } = await setup();
    const handlers = syncHandlers(scheduler);
    const options = { fromExtensionPage: true };
    await clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await expect(handlers['sync.signIn']({ url: URL_, email: rep.email, password: 'wrong' }, options)).rejects.toMatchObject({ message: 'Wrong email or password.' });
    net.down = true;
    await expect(handlers['sync.signIn']({ url: URL_, email: rep.email, password: PASSWORD }, options)).rejects.toMatchObject({ message: expect.stringContaining('cannot be reached') });
    await expect(handlers['sync.signIn']({ url: 'not a url at all', email: rep.email, password: PASSWORD }, options)).rejects.toMatchObject({ message: expect.stringContaining('not a web address') });
    expect(await loadBackend()).toBeNull();
    await expect(handlers['sync.signIn']({ url: URL_, email: rep.email, password: PASSWORD }, { fromExtensionPage: false })).rejects.toMatchObject({ message: expect.stringContaining('options page') });
    net.down = false;

    const status = await handlers['sync.signIn']({ url: `${URL_}/`, email: rep.email, password: PASSWORD }, options);
    expect(status).toMatchObject({ signedIn: true, backendUrl: URL_, account: { email: rep.email, role: 'rep' }, pending: 0, lastError: null });
    expect(status.lastSyncAt).not.toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(PASSWORD);
  });

  it('pushes soon after local changes, once for a burst', async () => {
    const { h, net, scheduler, rep, clip } = await setup();
    await scheduler.signIn({ url: URL_, email: rep.email, password: PASSWORD });
    net.requests.length = 0;
    const first = await clip('https://www.acme-robotics.com/', 'Acme Robotics');
    const second = await clip('https://www.huarui.cn/', '华瑞电子');
    await vi.waitFor(async () => expect((await scheduler.status()).pending).toBe(0), { timeout: 5_000 });
    expect(net.requests.filter((path) => path === '/v1/sync/push')).toHaveLength(1);
    const server = await pullAll(h, rep);
    expect([...server.records.keys()].sort()).toEqual([first.id, second.id].sort());
  });

  it('backs off while the server is unreachable, says why, arms a retry, and catches up when it is back', async () => {
    const { h, net, scheduler, rep, clip } = await setup();
    await scheduler.signIn({ url: URL_, email: rep.email, password: PASSWORD });
    net.down = true;
    const lead = await clip('https://www.acme-robotics.com/', 'Acme Robotics');
    await scheduler.run('now');
    const failed = await scheduler.status();
    expect(failed).toMatchObject({ pending: 1, lastError: { code: 'offline', message: expect.stringContaining('cannot be reached') } });
    expect(Date.parse(failed.retryAt!)).toBeGreaterThan(h.now().getTime());
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toMatchObject({ scheduledTime: Date.parse(failed.retryAt!) });

    // An alarm before the retry time sends nothing.
    net.requests.length = 0;
    await scheduler.run('due');
    expect(net.requests).toEqual([]);

    net.down = false;
    h.advance(Date.parse(failed.retryAt!) - h.now().getTime());
    await scheduler.run('due');
    expect(await scheduler.status()).toMatchObject({ pending: 0, lastError: null, retryAt: null, lastSyncAt: h.now().toISOString() });
    expect((await pullAll(h, rep)).records.get(lead.id)).toMatchObject({ name: 'Acme Robotics' });
  });

  it("a teammate's lead arrives with a sync, and the background is told so (reminders, badge)", async () => {
    const { h, manager, scheduler, rep, leads, onPulled } = await setup();
    await scheduler.signIn({ url: URL_, email: rep.email, password: PASSWORD });
    onPulled.mockClear();
    const lead = makeLead(formatHlc({ millis: h.now().getTime() - 60_000, counter: 0, node: 'manager' }), { domain: 'teammate-co.com', name: 'Teammate Co' });
    expect((await push(h, manager, newClientId(), [put('leads', lead)])).status).toBe(200);
    await scheduler.run('now');
    expect(onPulled).toHaveBeenCalledTimes(1);
    expect(await leads.findForUrl('https://www.teammate-co.com/')).toMatchObject({ id: lead.id, name: 'Teammate Co' });
    await scheduler.run('now');
    expect(onPulled).toHaveBeenCalledTimes(1);
  });

  it('signing out revokes the token on the server and keeps queued changes for later', async () => {
    const { h, net, scheduler, rep, clip } = await setup();
    await scheduler.signIn({ url: URL_, email: rep.email, password: PASSWORD });
    const token = (await loadBackend())!.token;
    net.down = true;
    await clip('https://www.acme-robotics.com/', 'Acme Robotics');
    net.down = false;
    const status = await syncHandlers(scheduler)['sync.signOut']({}, { fromExtensionPage: true });
    expect(status).toMatchObject({ signedIn: false, pending: 1 });
    expect(await loadBackend()).toBeNull();
    expect((await h.call('GET', '/v1/auth/me', undefined, token)).status).toBe(401);
  });
});
