import type { z } from 'zod';
import type { Lead, Money, TeamSettings } from '../schema';

export type MoneyValue = z.infer<typeof Money>;

/**
 * An amount in the team's currency: as is when the currencies match, through the team's fixed rate otherwise,
 * and null when the team has no rate for it (the caller reports it as not comparable rather than guessing).
 */
export function toTeamAmount(money: MoneyValue, settings: TeamSettings): number | null {
  if (money.currency === settings.currency) return money.amount;
  const rate = settings.exchangeRates[money.currency];
  return rate === undefined ? null : money.amount * rate;
}

/**
 * The most the customer says it can spend: the top of the range, or its floor when only that is known.
 * Budget fit asks whether a typical deal is affordable, which the ceiling answers; and a fact added to the
 * range (a floor below a known ceiling, a ceiling above a known floor) never lowers it.
 */
export function budgetCeiling(budget: Lead['budget']): MoneyValue | null {
  if (!budget) return null;
  const amount = budget.max ?? budget.min;
  return amount === undefined ? null : { amount, currency: budget.currency };
}
