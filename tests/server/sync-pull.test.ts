import { expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS } from '../../lib/schema';
import { purgeExpired } from '../../server/sync/purge';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeActivity, makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

describeEachBackend('pulling changes', (backend) => {
  const database = useMigratedDatabase(backend);

  it('pages through every change exactly once, and a caught-up checkpoint returns nothing', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const leads = Array.from({ length: 25 }, (_, i) => makeLead(clock(), { domain: `c${i}.com` }));
    await push(h, users[0]!, newClientId(), leads.map((lead) => put('leads', lead)));
    const ids: string[] = [];
    const checkpoints: number[] = [];
    let after = 0;
    for (let page = 0; page < 10; page++) {
      const { json } = await h.call('GET', `/v1/sync/pull?after=${after}&limit=10`, undefined, users[0]!.token);
      ids.push(...json.changes.map((c: any) => c.record.id));
      checkpoints.push(json.checkpoint);
      after = json.checkpoint;
      if (!json.hasMore) break;
    }
    expect(ids).toEqual(leads.map((lead) => lead.id));
    expect(checkpoints).toHaveLength(3);
    expect(checkpoints).toEqual([...checkpoints].sort((x, y) => x - y));
    const caughtUp = await h.call('POST', '/v1/sync/pull', { after, limit: 10 }, users[0]!.token);
    expect(caughtUp.json).toMatchObject({ changes: [], hasMore: false, checkpoint: after });
    expect((await h.call('GET', '/v1/sync/pull?after=-1', undefined, users[0]!.token)).status).toBe(400);
  });

  it('a page of long records ends early, by size, and the next pages bring the rest exactly once', async () => {
    const h = createHarness(database(), { maxPullBytes: 150 * 1024 });
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const lead = makeLead(clock(), { domain: 'long-threads.example', ownerId: users[0]!.id });
    // Twelve follow-ups of 60 KB each (20,000 Chinese characters).
    const activities = Array.from({ length: 12 }, (_, i) => makeActivity(clock(), lead.id, { ownerId: users[0]!.id, summary: `第${i}次`.padEnd(20_000, '询价') }));
    await push(h, users[0]!, newClientId(), [put('leads', lead), ...activities.map((activity) => put('activities', activity))]);
    const sizes: number[] = [];
    const ids: string[] = [];
    let after = 0;
    for (let page = 0; page < 20; page++) {
      const { json } = await h.call('GET', `/v1/sync/pull?after=${after}&limit=500`, undefined, users[0]!.token);
      sizes.push(json.changes.length);
      ids.push(...json.changes.map((c: any) => c.record.id));
      after = json.checkpoint;
      if (!json.hasMore) break;
    }
    expect(ids).toEqual([lead.id, ...activities.map((activity) => activity.id)]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.length).toBeGreaterThanOrEqual(5);
  });

  it('a record changed again moves past the checkpoint, so a client that pulled it gets the new version', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const lead = makeLead(clock());
    const client = newClientId();
    await push(h, users[0]!, client, [put('leads', lead)]);
    const first = await pullAll(h, users[0]!);
    await push(h, users[0]!, client, [{ op: 'patch', table: 'leads', id: lead.id, fields: { deletedAt: '2026-11-02T00:00:00.000Z' }, versions: { deletedAt: clock() } }], 2);
    const next = await pullAll(h, users[0]!, first.checkpoint);
    expect(next.records.get(lead.id).deletedAt).toBe('2026-11-02T00:00:00.000Z');
  });

  it('pushes that commit while others pull are never skipped by a checkpoint', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep', 'rep', 'rep', 'rep']);
    const seen = new Set<string>();
    const expected: string[] = [];
    let checkpoint = 0;
    let pushing = true;
    const puller = (async () => {
      while (pushing) {
        const page = await pullAll(h, users[0]!, checkpoint, 7);
        page.records.forEach((_record, id) => seen.add(id));
        checkpoint = page.checkpoint;
      }
    })();
    await Promise.all(
      users.map(async (user, u) => {
        const clock = stamper(`u${u}`);
        const client = newClientId();
        for (let batch = 0; batch < 4; batch++) {
          const leads = Array.from({ length: 5 }, (_, i) => makeLead(clock(), { domain: `u${u}-b${batch}-${i}.com` }));
          expected.push(...leads.map((lead) => lead.id));
          const response = await push(h, user, client, leads.map((lead) => put('leads', lead)), batch * 5 + 1);
          expect(response.status).toBe(200);
        }
      }),
    );
    pushing = false;
    await puller;
    (await pullAll(h, users[0]!, checkpoint)).records.forEach((_record, id) => seen.add(id));
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('team settings: everyone reads them, only managers change them, and clients pull the change', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep']);
    const [manager, rep] = users as [any, any];
    const initial = await h.call('GET', '/v1/team/settings', undefined, rep.token);
    expect(initial.json).toEqual({ settings: DEFAULT_TEAM_SETTINGS, changeNo: 0 });
    const before = await pullAll(h, rep);
    const changed = { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 85, A: 65, B: 40 } };
    const byRep = await h.call('PUT', '/v1/team/settings', changed, rep.token);
    expect(byRep.status).toBe(403);
    expect(byRep.json.error.message).toMatch(/manager/);
    const bad = await h.call('PUT', '/v1/team/settings', { ...changed, weights: { scale: 50, budget: 30, urgency: 20, decisionChain: 20 } }, manager.token);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/add up to 100/);
    expect((await h.call('PUT', '/v1/team/settings', { ...changed, colour: 'red' }, manager.token)).status).toBe(400);
    const ok = await h.call('PUT', '/v1/team/settings', changed, manager.token);
    expect(ok.status).toBe(200);
    const pulled = await pullAll(h, rep, before.checkpoint);
    expect(pulled.settings).toMatchObject({ thresholds: { S: 85, A: 65, B: 40 } });
    expect((await pullAll(h, rep, pulled.checkpoint)).settings).toBeNull();
  });

  it('tombstones past the offline limit are purged, and a client older than that is told to resync', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const clock = stamper('a');
    const kept = makeLead(clock(), { domain: 'kept.com' });
    const gone = makeLead(clock(), { domain: 'gone.com' });
    const client = newClientId();
    await push(h, users[0]!, client, [put('leads', kept), put('leads', gone)]);
    const old = await pullAll(h, users[0]!);
    await push(h, users[0]!, client, [{ op: 'patch', table: 'leads', id: gone.id, fields: { deletedAt: '2026-11-02T09:00:00.000Z' }, versions: { deletedAt: clock() } }], 3);
    const recent = await pullAll(h, users[0]!);
    h.advance(91 * 24 * 3600 * 1000);
    expect(await purgeExpired(database(), h.now())).toBeGreaterThanOrEqual(1);
    users[0]!.token = await h.signIn(users[0]!.email);
    const stale = await h.call('GET', `/v1/sync/pull?after=${old.checkpoint}`, undefined, users[0]!.token);
    expect(stale.json).toMatchObject({ resyncRequired: true, checkpoint: 0, changes: [] });
    const current = await h.call('GET', `/v1/sync/pull?after=${recent.checkpoint}`, undefined, users[0]!.token);
    expect(current.json.resyncRequired).toBe(false);
    // A checkpoint the server never gave (a database restored from a backup) also asks for a resync.
    const ahead = await h.call('GET', `/v1/sync/pull?after=${recent.checkpoint + 1000}`, undefined, users[0]!.token);
    expect(ahead.json).toMatchObject({ resyncRequired: true, checkpoint: 0 });
    const fresh = await pullAll(h, users[0]!);
    expect([...fresh.records.keys()]).toEqual([kept.id]);
  });
});
