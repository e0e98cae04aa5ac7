import { Stage, type Lead, type TeamSettings } from '../schema';
import { budgetCeiling, toTeamAmount } from '../score';

/** shared/domain.md §8: the win probability of a stage, in percent (team-configurable). */
export function stageProbability(stage: Stage, settings: TeamSettings): number {
  return settings.funnelProbabilities[stage];
}

/** What a lead is expected to be worth: its budget ceiling in the team's currency, else the team's typical deal. */
export function expectedDealAmount(lead: Pick<Lead, 'budget'>, settings: TeamSettings): { amount: number; basis: 'budget' | 'dealSize' } | null {
  const ceiling = budgetCeiling(lead.budget);
  if (!ceiling) return { amount: settings.dealSize, basis: 'dealSize' };
  const amount = toTeamAmount(ceiling, settings);
  return amount === null ? null : { amount, basis: 'budget' };
}

export interface StageForecast {
  count: number;
  amount: number;
  weighted: number;
}

export interface Forecast {
  currency: string;
  /** Sum of each lead's expected amount times its stage's probability. */
  weighted: number;
  byStage: Record<Stage, StageForecast>;
  /** Leads left out because their budget is in a currency the team has no rate for. */
  notComparable: number;
}

/** The weighted forecast of shared/domain.md §8 over live leads. */
export function weightedForecast(leads: readonly Lead[], settings: TeamSettings): Forecast {
  const forecast = forecastAccumulator(settings);
  for (const lead of leads) forecast.add(lead);
  return forecast.result();
}

/**
 * The same forecast, one lead at a time: for a pipeline too big to hold in memory at once (the background
 * walks the stored leads with a cursor).
 */
export function forecastAccumulator(settings: TeamSettings): { add(lead: Pick<Lead, 'deletedAt' | 'stage' | 'budget'>): void; result(): Forecast } {
  const byStage = Object.fromEntries(Stage.options.map((s) => [s, { count: 0, amount: 0, weighted: 0 }])) as Record<Stage, StageForecast>;
  let notComparable = 0;
  return {
    add(lead) {
      if (lead.deletedAt !== null) return;
      const expected = expectedDealAmount(lead, settings);
      if (!expected) {
        notComparable += 1;
        return;
      }
      const row = byStage[lead.stage];
      row.count += 1;
      row.amount += expected.amount;
      row.weighted += (expected.amount * stageProbability(lead.stage, settings)) / 100;
    },
    result() {
      const weighted = Object.values(byStage).reduce((sum, row) => sum + row.weighted, 0);
      return { currency: settings.currency, weighted, byStage, notComparable };
    },
  };
}
