import { LeadTracker, messageHandlers, RescoreRunner } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { ErrorCode, handleMessage, SidecarError, type Result } from '@/lib/messaging';
import { DEFAULT_TEAM_SETTINGS, type Lead, type RescoreStatus, type TeamSettings } from '@/lib/schema';
import { loadTeamSettings } from '@/lib/settings';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
const NOW = new Date('2026-11-23T10:00:00Z');
const A_FACTS = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } };

function background(publishTeamSettings?: (settings: TeamSettings) => Promise<TeamSettings>) {
  const db = new SidecarDatabase(`team-settings-${++counter}`);
  const leads = new LeadStore(db, { now: () => NOW });
  const tracker = new LeadTracker(db, leads, { now: () => NOW, teamSettings: loadTeamSettings });
  const rescorer = new RescoreRunner(db, () => NOW);
  const handlers = messageHandlers(leads, async () => null, { tracker, rescorer, ...(publishTeamSettings ? { publishTeamSettings } : {}) });
  const send = (type: string, data: unknown, fromExtensionPage = true) => handleMessage({ type, data }, { fromExtensionPage, url: 'https://evil.example/' }, handlers) as Promise<Result<any>>;
  return { db, leads, rescorer, send };
}

async function clip(send: ReturnType<typeof background>['send'], i: number, edits: object): Promise<Lead> {
  const domain = `company-${i}.com`;
  const saved = await send('clip.save', { capture: makeCapture({ url: `https://www.${domain}/`, domain, name: `Company ${i}` }), edits });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data.lead;
}

describe('team settings on the options page', () => {
  it('start as the playbook defaults, with no re-score yet', async () => {
    const { send } = background();
    expect(await send('team.settings', {})).toEqual({ ok: true, data: { settings: DEFAULT_TEAM_SETTINGS, rescore: null } });
  });

  it('refuses settings that do not validate, naming the field, and changes nothing', async () => {
    const { send } = background();
    const answer = await send('team.saveSettings', { settings: { ...DEFAULT_TEAM_SETTINGS, weights: { scale: 30, budget: 30, urgency: 30, decisionChain: 30 } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(!answer.ok && answer.error.message).toMatch(/add up to 100[\s\S]*weights/);
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('a web page cannot change them', async () => {
    const { send } = background();
    const answer = await send('team.saveSettings', { settings: { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 20, A: 10, B: 5 } } }, false);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('lower thresholds re-score every lead in the background, and new saves use them', async () => {
    const { send, leads, rescorer } = background();
    const big = await clip(send, 1, A_FACTS);
    const small = await clip(send, 2, {});
    expect([big.tier, small.tier]).toEqual(['A', 'C']);

    const answer = await send('team.saveSettings', { settings: { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } } });
    expect(answer).toMatchObject({ ok: true, data: { rescoring: true } });
    await rescorer.start((await loadTeamSettings()));
    expect((await leads.get(big.id))?.tier).toBe('S');
    expect((await leads.get(small.id))?.tier).toBe('C');
    const status = (await send('team.settings', {})) as Result<{ rescore: RescoreStatus }>;
    expect(status.ok && status.data.rescore).toMatchObject({ state: 'done', done: 2, total: 2 });

    const third = await clip(send, 3, A_FACTS);
    expect(third.tier).toBe('S');
  });

  it('when the team server refuses the change (a rep, signed in), nothing changes in this browser either', async () => {
    const { send } = background(async () => {
      throw new SidecarError(ErrorCode.InvalidMessage, 'The team server refused the settings: only a manager or admin can change team settings.');
    });
    const answer = await send('team.saveSettings', { settings: { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } } });
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringContaining('only a manager or admin') } });
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('a change that does not move scores (the cadence) does not re-score', async () => {
    const { send } = background();
    const answer = await send('team.saveSettings', { settings: { ...DEFAULT_TEAM_SETTINGS, cadenceDays: { S: 1, A: 3, B: 7, C: 14 } } });
    expect(answer).toMatchObject({ ok: true, data: { rescoring: false } });
  });

  it('a re-score left half done by a stopped worker is finished when the worker starts again', async () => {
    const { send, leads, db } = background();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await clip(send, i, A_FACTS)).id);
    const sorted = [...ids].sort();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const lowered = { ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } };
    await fakeBrowser.storage.local.set({ teamSettings: lowered });
    await fakeBrowser.storage.local.set({
      rescoreStatus: { state: 'running', done: 2, total: 4, changed: 0, cursor: sorted[1], startedAt: NOW.toISOString(), finishedAt: null, error: null },
    });

    await new RescoreRunner(db, () => NOW).resume(loadTeamSettings);
    const tiers = await Promise.all(sorted.map(async (id) => (await leads.get(id))?.tier));
    expect(tiers).toEqual(['A', 'A', 'S', 'S']);
  });

  it('the pipeline forecast weighs every live lead by its stage, read with a cursor', async () => {
    const { send } = background();
    await clip(send, 1, { stage: 'negotiation', budget: { min: 100_000, max: 400_000, currency: 'CNY' } });
    await clip(send, 2, { stage: 'initial_contact' });
    const answer = await send('pipeline.forecast', {});
    if (!answer.ok) throw new Error(answer.error.message);
    const { byStage, weighted, currency } = answer.data;
    const p = DEFAULT_TEAM_SETTINGS.funnelProbabilities;
    expect(currency).toBe('CNY');
    expect(byStage.negotiation).toEqual({ count: 1, amount: 400_000, weighted: (400_000 * p.negotiation) / 100 });
    expect(byStage.initial_contact).toMatchObject({ count: 1, amount: DEFAULT_TEAM_SETTINGS.dealSize });
    expect(weighted).toBeCloseTo((400_000 * p.negotiation) / 100 + (DEFAULT_TEAM_SETTINGS.dealSize * p.initial_contact) / 100);
  });
});
