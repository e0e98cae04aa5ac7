import { LeadTracker, messageHandlers } from '@/lib/background';
import { rescorePulledLeads } from '@/lib/background/rescore-pulled';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { handleMessage, type LeadCard, type Result } from '@/lib/messaging';
import { DEFAULT_SETTINGS, DEFAULT_TEAM_SETTINGS, type Lead } from '@/lib/schema';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness, type TestUser } from '../../server/harness';
import { DexieDevice } from '../db/dexie-sync-store-device';

/** A browser signed in to the team: its database and sync engine, and the popup's messages with its role. */
function browserOf(device: DexieDevice, repName: string) {
  const tracker = new LeadTracker(device.db, device.leads, { now: () => new Date('2026-11-23T02:00:00.000Z'), mayOverrideTiers: async () => device.user.role !== 'rep' });
  const handlers = messageHandlers(device.leads, async () => device.user.id, { settings: async () => ({ ...DEFAULT_SETTINGS, repName }), tracker });
  const send = async <T,>(type: string, data: unknown): Promise<Result<T>> => (await handleMessage({ type, data }, { fromExtensionPage: true }, handlers)) as Result<T>;
  const card = async (leadId: string) => {
    const answer = await send<{ card: LeadCard }>('lead.card', { leadId });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data.card;
  };
  /** A sync as the background runs it: push and pull, then the pulled leads are scored here. */
  const sync = async () => {
    const result = await device.engine.sync();
    await rescorePulledLeads(tracker, async () => void (await rescoreLeads(device.db, DEFAULT_TEAM_SETTINGS)));
    return result;
  };
  return { device, tracker, send, card, sync };
}

describeEachBackend('a manager’s tier override reaches the team', (backend) => {
  const database = useMigratedDatabase(backend);

  async function team() {
    const h = createHarness(database());
    const { users } = await h.team(['manager', 'rep']);
    const [boss, rep] = users as [TestUser, TestUser];
    return { manager: browserOf(new DexieDevice(h, boss, 'manager'), 'Manager Zhang'), rep: browserOf(new DexieDevice(h, rep, 'rep'), 'Li Wei') };
  }

  it('the rep’s popup shows the manager’s tier, reason, who and when, and the rep’s history records it; lifting it too', async () => {
    const { manager, rep } = await team();
    const lead = await rep.device.clip('https://www.acme-robotics.com/', 'Acme Robotics', rep.device.user.id);
    await rep.tracker.afterWrite(lead, [], 'Li Wei');
    await rep.sync();
    await manager.sync();
    expect((await rep.card(lead.id)).tier).toBe('C');

    const set = await manager.send<{ lead: Lead }>('lead.overrideTier', { leadId: lead.id, tier: 'S', reason: 'Group account, strategic' });
    expect(set.ok && set.data.lead.tier).toBe('S');
    expect(await manager.sync()).toMatchObject({ rejected: 0 });
    await rep.sync();

    const card = await rep.card(lead.id);
    expect(card.tier).toBe('S');
    expect(card.override).toEqual({ tier: 'S', reason: 'Group account, strategic', by: 'Manager Zhang', at: '2026-11-23T02:00:00.000Z' });
    expect(card.mayOverride).toBe(false);
    expect((await rep.device.leads.get(lead.id))?.tier).toBe('S');
    expect(card.tierHistory.at(-1)).toMatchObject({ cause: 'override', from: 'C', to: 'S', by: 'Manager Zhang', reason: 'Group account, strategic' });

    const lifted = await manager.send<{ lead: Lead }>('lead.overrideTier', { leadId: lead.id, tier: null, reason: 'Budget frozen' });
    expect(lifted.ok && lifted.data.lead.tier).toBe('C');
    await manager.sync();
    await rep.sync();
    const after = await rep.card(lead.id);
    expect(after.tier).toBe('C');
    expect(after.override).toBeNull();
    expect(after.tierHistory.at(-1)).toMatchObject({ cause: 'override_cleared', from: 'S', to: 'C', by: 'Manager Zhang', reason: 'Budget frozen' });
    // Pulling again records nothing twice.
    await rep.sync();
    expect((await rep.card(lead.id)).tierHistory).toHaveLength(after.tierHistory.length);
  });

  it('a rep signed in to a team is not offered the override, and the background refuses it', async () => {
    const { rep } = await team();
    const lead = await rep.device.clip('https://www.acme-robotics.com/', 'Acme Robotics', rep.device.user.id);
    await rep.tracker.afterWrite(lead, [], 'Li Wei');
    expect((await rep.card(lead.id)).mayOverride).toBe(false);
    const pending = await rep.device.pending();
    const refused = await rep.send('lead.overrideTier', { leadId: lead.id, tier: 'S', reason: 'I like them' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE', message: expect.stringContaining('Only a manager or admin') } });
    expect((await rep.device.leads.get(lead.id))?.tierOverride).toBeUndefined();
    expect(await rep.device.pending()).toBe(pending);
  });
});
