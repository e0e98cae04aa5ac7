import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { expectedDealAmount, stageProbability, weightedForecast } from '@/lib/playbook';
import { NOW, makeLead } from '../score/records';

const settings = DEFAULT_TEAM_SETTINGS;

describe('the funnel (销售漏斗)', () => {
  it.each([
    ['not_contacted', 10], ['initial_contact', 20], ['needs_confirmed', 50], ['proposal_submitted', 60],
    ['negotiation', 70], ['won', 100], ['lost', 0], ['after_sales', 100],
  ] as const)('gives %s a %i%% chance by default', (stage, percent) => {
    expect(stageProbability(stage, settings)).toBe(percent);
  });

  it('values a lead at its budget ceiling, or the team’s typical deal without one', () => {
    expect(expectedDealAmount(makeLead({ budget: { min: 100_000, max: 300_000, currency: 'CNY' } }), settings)).toEqual({ amount: 300_000, basis: 'budget' });
    expect(expectedDealAmount(makeLead(), settings)).toEqual({ amount: 200_000, basis: 'dealSize' });
    expect(expectedDealAmount(makeLead({ budget: { max: 10_000, currency: 'USD' } }), settings)).toBeNull();
  });

  it('weighs each lead by its stage’s probability', () => {
    const leads: Lead[] = [
      makeLead({ stage: 'needs_confirmed', budget: { max: 300_000, currency: 'CNY' } }),
      makeLead({ stage: 'negotiation' }),
      makeLead({ stage: 'lost', budget: { max: 900_000, currency: 'CNY' } }),
      makeLead({ stage: 'won', budget: { max: 10_000, currency: 'USD' } }),
      { ...makeLead({ stage: 'won' }), deletedAt: NOW },
    ];
    const forecast = weightedForecast(leads, settings);
    expect(forecast.weighted).toBe(150_000 + 140_000);
    expect(forecast.byStage.needs_confirmed).toEqual({ count: 1, amount: 300_000, weighted: 150_000 });
    expect(forecast.byStage.lost).toEqual({ count: 1, amount: 900_000, weighted: 0 });
    expect(forecast.byStage.won.count).toBe(0);
    expect(forecast.notComparable).toBe(1);
    expect(forecast.currency).toBe('CNY');

    const withRate = weightedForecast(leads, TeamSettings.parse({ ...settings, exchangeRates: { USD: 7 } }));
    expect(withRate.byStage.won).toEqual({ count: 1, amount: 70_000, weighted: 70_000 });
  });

  it('follows the team’s probabilities', () => {
    const team = TeamSettings.parse({ ...settings, funnelProbabilities: { ...settings.funnelProbabilities, negotiation: 90 } });
    expect(weightedForecast([makeLead({ stage: 'negotiation' })], team).weighted).toBe(180_000);
  });
});
