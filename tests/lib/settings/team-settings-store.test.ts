import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TEAM_SETTINGS } from '@/lib/schema';
import { loadTeamSettings, saveTeamSettings } from '@/lib/settings';

describe('the team settings in the browser', () => {
  it('are the playbook defaults until the team changes them', async () => {
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('keeps valid settings', async () => {
    const saved = await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, weights: { scale: 40, budget: 20, urgency: 20, decisionChain: 20 } });
    expect(saved.ok).toBe(true);
    expect((await loadTeamSettings()).weights).toEqual({ scale: 40, budget: 20, urgency: 20, decisionChain: 20 });
  });

  it('refuses weights that do not add up to 100 or unordered thresholds, names the field, and keeps what was stored', async () => {
    await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, dealSize: 500_000 });
    const weights = await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, weights: { scale: 50, budget: 30, urgency: 20, decisionChain: 20 } });
    expect(weights).toMatchObject({ ok: false, error: { fields: ['weights'] } });
    expect(!weights.ok && weights.error.message).toContain('add up to 100');
    const thresholds = await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 70, B: 40 } });
    expect(thresholds).toMatchObject({ ok: false, error: { fields: ['thresholds.A'] } });
    expect((await loadTeamSettings()).dealSize).toBe(500_000);
  });

  it('stored settings that no longer validate give the defaults instead of breaking scoring', async () => {
    await fakeBrowser.storage.local.set({ teamSettings: { schemaVersion: 1, weights: 'all of them' } });
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });
});
