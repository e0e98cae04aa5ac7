import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Lead } from '../../../lib/schema';
import type { SyncTable } from '../../../lib/sync';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness } from '../../server/harness';
import { pullAll } from '../../server/sync-calls';
import { Device, type Fault } from './device';

const TABLES: SyncTable[] = ['leads', 'contacts', 'activities', 'tasks'];
const device = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });

const command = fc.oneof(
  fc.record({ kind: fc.constant('clip' as const), device, company: fc.integer({ min: 0, max: 3 }), pooled: fc.boolean() }),
  fc.record({
    kind: fc.constant('edit' as const),
    device,
    pick,
    change: fc.oneof(
      fc.record({ tier: fc.constantFrom('S', 'A', 'B', 'C') }),
      fc.record({ stage: fc.constantFrom('initial_contact', 'needs_confirmed', 'won') }),
      fc.record({ needDescription: fc.constantFrom('cut costs', 'faster quotes', null) }),
      fc.record({ region: fc.constantFrom('Shenzhen', 'Berlin') }),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), device, pick }),
  fc.record({ kind: fc.constant('log' as const), device, pick }),
  fc.record({ kind: fc.constant('editActivity' as const), device, pick, summary: fc.constantFrom('left a voicemail', 'sent the deck') }),
  fc.record({ kind: fc.constant('sync' as const), device, faults: fc.array(fc.constantFrom<Fault>('none', 'request-lost', 'response-lost'), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('crash' as const), device }),
  fc.record({ kind: fc.constant('replay' as const), device }),
);

const byId = <T extends { id: string }>(records: Iterable<T>): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

describeEachBackend('convergence', (backend) => {
  const database = useMigratedDatabase(backend);

  it('devices editing, deleting and clipping the same companies offline, syncing in any order through failures and replays, end identical to the server with no activity lost', async () => {
    const h = createHarness(database());
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const { users } = await h.quickTeam(['manager', 'rep', 'rep']);
        // The third device's clock is three hours behind: stamps, not wall clocks, must still converge.
        const devices = [new Device(h, users[0]!, 'mgr'), new Device(h, users[1]!, 'alice'), new Device(h, users[2]!, 'bob', -3 * 3600_000)];
        const logged: string[] = [];
        for (const c of commands) {
          const d = devices[c.device]!;
          const leads = d.liveLeads();
          const lead = leads.length ? leads[c.kind === 'clip' ? 0 : (c as { pick: number }).pick % leads.length] : undefined;
          switch (c.kind) {
            case 'clip':
              if (!leads.some((l: Lead) => l.domain === `co${c.company}.com`)) await d.clip(`co${c.company}.com`, c.pooled ? { ownerId: null } : {});
              break;
            case 'edit':
              if (lead) await d.edit('leads', lead.id, c.change as Partial<Lead>);
              break;
            case 'delete':
              if (lead) await d.remove('leads', lead.id);
              break;
            case 'log':
              if (lead) logged.push((await d.logActivity(lead.id, `touch ${logged.length}`)).id);
              break;
            case 'editActivity': {
              const activities = d.records('activities').filter((a) => a.deletedAt === null);
              const activity = activities[c.pick % Math.max(1, activities.length)];
              if (activity) await d.edit('activities', activity.id, { summary: c.summary });
              break;
            }
            case 'sync':
              d.transport.faults = [...c.faults];
              await d.engine.sync().catch((error: { code?: string }) => expect(error.code).toBe('offline'));
              d.transport.faults = [];
              break;
            case 'crash':
              d.store.failNextCommit = true;
              await d.engine.sync().catch((error: { code?: string; cause?: Error }) => expect([error.code, error.cause?.message]).toEqual(['internal', expect.stringMatching(/stopped/)]));
              d.store.failNextCommit = false;
              break;
            case 'replay': {
              const answer = await d.transport.replayLastPush();
              if (answer) expect(answer.results.every((r) => r.replayed)).toBe(true);
              break;
            }
          }
        }
        // The faults are over: every device syncs until nothing is left to send, then once more to catch up.
        for (let round = 0; round < 3; round++) for (const d of devices) await d.engine.sync();
        const server = await pullAll(h, users[0]!);
        const serverRecords = [...server.records.values()];
        for (const d of devices) {
          expect(d.pending()).toBe(0);
          for (const table of TABLES) {
            const mine = d.records(table);
            const theirs = byId(serverRecords.filter((r) => TABLES.indexOf(table) === TABLES.indexOf(kindOf(r))));
            expect(mine).toEqual(theirs);
          }
          expect(d.store.snapshot().rejections.filter((r) => r.mutation.table === 'activities' && r.mutation.op === 'put')).toEqual([]);
        }
        const activities = serverRecords.filter((r) => kindOf(r) === 'activities');
        for (const id of logged) {
          const activity = activities.find((a) => a.id === id);
          expect(activity, `activity ${id}`).toBeDefined();
          expect(server.records.get(activity.leadId)).toBeDefined();
        }
      }),
      { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 25) },
    );
  }, 120_000);
});

/** Which table a pulled record belongs to, from its fields. */
function kindOf(record: Record<string, unknown>): SyncTable {
  if ('domain' in record) return 'leads';
  if ('channel' in record) return 'activities';
  if ('dueAt' in record) return 'tasks';
  return 'contacts';
}
