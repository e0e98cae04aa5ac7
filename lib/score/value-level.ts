import type { Lead, TeamSettings } from '../schema';
import { optionalMoneyFact } from './lead-facts';
import { toTeamAmount } from './money';

type ValueLevel = NonNullable<Lead['valueLevel']>;

/**
 * shared/domain.md §7 价值等级 from a year's purchases (high above 500k by default). Without comparable purchase
 * figures the rep's own judgement (Lead.valueLevel) stands; with neither it is unknown.
 */
export function valueLevel(lead: Lead, settings: TeamSettings): ValueLevel | null {
  const purchases = optionalMoneyFact(lead, 'annualPurchases');
  const amount = purchases ? toTeamAmount(purchases, settings) : null;
  if (amount === null) return lead.valueLevel;
  if (amount > settings.valueLevel.highAbove) return 'high';
  return amount > settings.valueLevel.mediumAbove ? 'medium' : 'low';
}
