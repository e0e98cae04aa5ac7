import type { Lead, TeamSettings } from '../schema';
import { shareFromBands } from './bands';
import { dimensionScore, evidence, type DimensionResult } from './dimension';
import { originOf } from './lead-facts';
import { budgetCeiling, toTeamAmount } from './money';

/** Budget fit: the customer's budget ceiling against the team's typical deal. */
export function scoreBudgetFit(lead: Lead, settings: TeamSettings): DimensionResult {
  const ceiling = budgetCeiling(lead.budget);
  if (!lead.budget || !ceiling) {
    return { score: dimensionScore('budget', settings, { share: 0, evidence: [], unknown: true }), ask: ['budget'] };
  }
  const stated = evidence('budget', { min: lead.budget.min, max: lead.budget.max, currency: lead.budget.currency, origin: originOf(lead, 'budget') });
  const teamAmount = toTeamAmount(ceiling, settings);
  if (teamAmount === null) {
    const notComparable = evidence('currencyNotComparable', { fact: 'budget', currency: ceiling.currency, teamCurrency: settings.currency });
    return { score: dimensionScore('budget', settings, { share: 0, evidence: [stated, notComparable], unknown: true }), ask: [] };
  }
  const ratio = teamAmount / settings.dealSize;
  const fit = evidence('budgetFit', { percent: Math.round(ratio * 100), dealSize: settings.dealSize, currency: settings.currency });
  const share = shareFromBands(settings.budgetFitBands, ratio);
  return { score: dimensionScore('budget', settings, { share, evidence: [stated, fit], unknown: false }), ask: [] };
}
