import type { Lead, TeamSettings } from '../schema';
import { shareFromBands } from './bands';
import { dimensionScore, evidence, type DimensionResult } from './dimension';
import type { AskFact, ScoreEvidence } from './lead-score';
import { optionalMoneyFact, optionalSizeBand, originOf } from './lead-facts';
import { toTeamAmount, type MoneyValue } from './money';

/**
 * Company scale from employees (or the size band when no headcount is known), revenue or registered capital,
 * whichever says most: they are views of one company, so the strongest counts and another never lowers it.
 */
export function scoreScale(lead: Lead, settings: TeamSettings): DimensionResult {
  const bands = settings.scaleBands;
  const shares: number[] = [];
  const found: ScoreEvidence[] = [];

  const sizeBand = optionalSizeBand(lead);
  if (lead.employees !== null) {
    shares.push(shareFromBands(bands.employees, lead.employees));
    found.push(evidence('employees', { count: lead.employees, origin: originOf(lead, 'employees') }));
  } else if (sizeBand) {
    shares.push(shareFromBands(bands.employees, sizeBand.floor));
    found.push(evidence('sizeBand', { band: sizeBand.band, origin: originOf(lead, 'sizeBand') }));
  }
  const money = (fact: 'revenue' | 'registeredCapital', value: MoneyValue | null) => {
    if (!value) return;
    const teamAmount = toTeamAmount(value, settings);
    if (teamAmount === null) {
      found.push(evidence('currencyNotComparable', { fact, currency: value.currency, teamCurrency: settings.currency }));
      return;
    }
    shares.push(shareFromBands(bands[fact], teamAmount));
    const converted = value.currency === settings.currency ? undefined : Math.round(teamAmount);
    found.push(evidence(fact, { amount: value.amount, currency: value.currency, teamAmount: converted, origin: originOf(lead, fact) }));
  };
  money('revenue', lead.revenue);
  money('registeredCapital', optionalMoneyFact(lead, 'registeredCapital'));

  const unknown = shares.length === 0;
  const ask: AskFact[] = [];
  if (unknown && lead.employees === null) ask.push('employees');
  if (unknown && lead.revenue === null) ask.push('revenue');
  return { score: dimensionScore('scale', settings, { share: Math.max(0, ...shares), evidence: found, unknown }), ask };
}
