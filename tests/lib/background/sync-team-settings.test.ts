import { LeadTracker, RescoreRunner, applySyncedTeamSettings, messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { handleMessage, type Result } from '@/lib/messaging';
import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { loadTeamSettings } from '@/lib/settings';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
afterEach(() => vi.restoreAllMocks());
const NOW = new Date('2026-11-23T10:00:00Z');
/** 5000 staff (30) and a budget covering a deal (30): 60 points, an A with the playbook's thresholds. */
const A_FACTS = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } };
const LOWER_BAR = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 40, B: 20 } });

/** This device's background with one saved lead, and what the sync scheduler calls when team settings come down. */
async function deviceWithOneLead() {
  const db = new SidecarDatabase(`sync-team-settings-${++counter}`);
  const leads = new LeadStore(db, { now: () => NOW });
  const tracker = new LeadTracker(db, leads, { now: () => NOW, teamSettings: loadTeamSettings });
  const rescorer = new RescoreRunner(db, () => NOW);
  const handlers = messageHandlers(leads, async () => null, { tracker, rescorer });
  const send = async <T>(type: string, data: unknown): Promise<T> => {
    const answer = (await handleMessage({ type, data }, { fromExtensionPage: true }, handlers)) as Result<T>;
    if (!answer.ok) throw new Error(`${type}: ${answer.error.message}`);
    return answer.data;
  };
  const { lead } = await send<{ lead: Lead }>('clip.save', { capture: makeCapture(), edits: A_FACTS });
  const start = vi.spyOn(rescorer, 'start');
  /** Applies settings as a pull does, then waits for the re-score it may have started in the background. */
  const pull = async (settings: unknown) => {
    await applySyncedTeamSettings(rescorer)(settings as TeamSettings);
    await Promise.all(start.mock.results.map((result) => result.value));
  };
  /** The tier the popup's list of recent leads shows (the stored tier, as the toolbar badge reads it too). */
  const listedTier = async () => (await send<{ leads: Lead[] }>('lead.recent', { limit: 10 })).leads.find((l) => l.id === lead.id)?.tier;
  /** The re-score progress the options page shows (null: none has run). */
  const rescoreShown = async () => (await send<{ rescore: unknown }>('team.settings', {})).rescore;
  return { leads, lead, start, pull, listedTier, rescoreShown };
}

describe('team settings that arrive by sync', () => {
  it('lower tier thresholds from the team re-score this device: the stored lead moves from A to S', async () => {
    const device = await deviceWithOneLead();
    expect(await device.listedTier()).toBe('A');

    await device.pull(LOWER_BAR);

    expect(await loadTeamSettings()).toEqual(LOWER_BAR);
    expect(await device.listedTier()).toBe('S');
    expect((await device.leads.get(device.lead.id))?.tier).toBe('S');
    expect(await device.rescoreShown()).toMatchObject({ state: 'done', done: 1, total: 1, changed: 1 });
    expect(device.start).toHaveBeenCalledTimes(1);
  });

  it('a change that does not move scores (the cadence only) is kept but starts no re-score', async () => {
    const device = await deviceWithOneLead();
    const slowerCadence = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, cadenceDays: { S: 1, A: 3, B: 7, C: 14 } });

    await device.pull(slowerCadence);

    expect(await loadTeamSettings()).toEqual(slowerCadence);
    expect(await device.rescoreShown()).toBeNull();
    expect(device.start).not.toHaveBeenCalled();
    expect(await device.listedTier()).toBe('A');
  });

  it('settings from the server that do not validate here leave the local ones and the tiers as they were', async () => {
    const device = await deviceWithOneLead();
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    await device.pull({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 20, A: 40, B: 60 } });

    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
    expect(device.start).not.toHaveBeenCalled();
    expect(await device.listedTier()).toBe('A');
  });
});
