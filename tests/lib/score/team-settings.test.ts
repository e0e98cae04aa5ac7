import { DEFAULT_TEAM_SETTINGS, TeamSettings, type TeamSettingsInput } from '@/lib/schema';
import { parseTeamSettings, scoringSettingsChanged } from '@/lib/score';

const defaults = (): TeamSettingsInput => structuredClone(DEFAULT_TEAM_SETTINGS);

function refusal(input: unknown) {
  const result = parseTeamSettings(input);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.error;
}

describe('team settings', () => {
  it('ships the playbook defaults: 30/30/20/20 and 80/60/40', () => {
    expect(TeamSettings.safeParse(DEFAULT_TEAM_SETTINGS).success).toBe(true);
    expect(DEFAULT_TEAM_SETTINGS.weights).toEqual({ scale: 30, budget: 30, urgency: 20, decisionChain: 20 });
    expect(DEFAULT_TEAM_SETTINGS.thresholds).toEqual({ S: 80, A: 60, B: 40 });
    expect(DEFAULT_TEAM_SETTINGS.responseHours).toEqual({ S: 2, A: 2, B: 4, C: 24 });
    expect(DEFAULT_TEAM_SETTINGS.cadenceDays).toEqual({ S: 1, A: 2, B: 7, C: 7 });
    expect(DEFAULT_TEAM_SETTINGS.funnelProbabilities.needs_confirmed).toBe(50);
  });

  it('accepts other weights that add up to 100', () => {
    const result = parseTeamSettings({ ...defaults(), weights: { scale: 25, budget: 25, urgency: 25, decisionChain: 25 } });
    expect(result.ok && result.data.weights.urgency).toBe(25);
  });

  it('refuses weights that do not add up to 100, naming the weights', () => {
    const error = refusal({ ...defaults(), weights: { scale: 30, budget: 30, urgency: 20, decisionChain: 10 } });
    expect(error.code).toBe('INVALID_TEAM_SETTINGS');
    expect(error.fields).toEqual(['weights']);
    expect(error.message).toContain('add up to 100');
    expect(error.message).toContain('weights');
  });

  it('refuses thresholds out of order, naming the one that is wrong', () => {
    const error = refusal({ ...defaults(), thresholds: { S: 80, A: 60, B: 65 } });
    expect(error.fields).toEqual(['thresholds.B']);
    expect(error.message).toContain('B (65) must be below A (60)');
    expect(refusal({ ...defaults(), thresholds: { S: 60, A: 60, B: 40 } }).fields).toEqual(['thresholds.A']);
    expect(refusal({ ...defaults(), thresholds: { S: 80, A: 60, B: 0 } }).fields).toEqual(['thresholds.B']);
  });

  it('refuses a points table where a bigger company would earn less', () => {
    const input = defaults();
    input.scaleBands.employees = [{ atLeast: 1000, share: 80 }, { atLeast: 500, share: 90 }];
    const error = refusal(input);
    expect(error.fields).toEqual(['scaleBands.employees.1.share']);
    input.scaleBands.employees = [{ atLeast: 500, share: 100 }, { atLeast: 1000, share: 80 }];
    expect(refusal(input).fields).toEqual(['scaleBands.employees.1.atLeast']);
  });

  it('refuses a later decision earning more urgency', () => {
    const error = refusal({ ...defaults(), urgencyBands: [{ withinDays: 30, share: 50 }, { withinDays: 90, share: 75 }] });
    expect(error.fields).toEqual(['urgencyBands.1.share']);
  });

  it('refuses an S lead waiting longer than a C lead', () => {
    expect(refusal({ ...defaults(), responseHours: { S: 8, A: 2, B: 4, C: 24 } }).fields).toEqual(['responseHours.A']);
    expect(refusal({ ...defaults(), cadenceDays: { S: 1, A: 2, B: 7, C: 3 } }).fields).toEqual(['cadenceDays.C']);
  });

  it('names every wrong field at once, and refuses what is not settings at all', () => {
    const error = refusal({ ...defaults(), currency: 'yuan', dealSize: -1, funnelProbabilities: { ...DEFAULT_TEAM_SETTINGS.funnelProbabilities, won: 120 } });
    expect(error.fields).toEqual(expect.arrayContaining(['currency', 'dealSize', 'funnelProbabilities.won']));
    expect(refusal(null).code).toBe('INVALID_TEAM_SETTINGS');
    expect(refusal('weights=100').code).toBe('INVALID_TEAM_SETTINGS');
  });

  it('tells when a change of settings means every lead must be re-scored', () => {
    const parse = (input: TeamSettingsInput) => TeamSettings.parse(input);
    const base = parse(defaults());
    expect(scoringSettingsChanged(base, parse(defaults()))).toBe(false);
    expect(scoringSettingsChanged(base, parse({ ...defaults(), thresholds: { S: 85, A: 60, B: 40 } }))).toBe(true);
    expect(scoringSettingsChanged(base, parse({ ...defaults(), exchangeRates: { USD: 7.1 } }))).toBe(true);
    expect(scoringSettingsChanged(base, parse({ ...defaults(), cadenceDays: { S: 1, A: 3, B: 7, C: 7 } }))).toBe(false);
    expect(scoringSettingsChanged(parse({ ...defaults(), exchangeRates: { USD: 7, EUR: 8 } }), parse({ ...defaults(), exchangeRates: { EUR: 8, USD: 7 } }))).toBe(false);
  });
});
