import { amountOf, MULTIPLIER_PATTERN } from '@/lib/capture/money';
import { ValueLevel, type Lead, type LeadPatch } from '@/lib/schema';

/** The sidebar's "needs and deal" fields as typed: amounts as text ("30万", "1.2m", "300,000"). */
export interface DealFormState {
  needDescription: string;
  painPoints: string;
  expectedSolution: string;
  currentSolution: string;
  budgetMin: string;
  budgetMax: string;
  budgetCurrency: string;
  decisionTimeline: string;
  revenue: string;
  revenueCurrency: string;
  registeredCapital: string;
  registeredCapitalCurrency: string;
  annualPurchases: string;
  annualPurchasesCurrency: string;
  valueLevel: string;
  tags: string;
  competitor: string;
  competitorAdvantages: string;
  competitorWeaknesses: string;
}

const text = (value: string | null | undefined) => value ?? '';
const amountText = (value: number | undefined | null) => (value === undefined || value === null ? '' : String(value));

export function dealFormOf(lead: Lead, defaultCurrency: string): DealFormState {
  const engaged = lead.competitor?.status === 'engaged' ? lead.competitor : null;
  return {
    needDescription: text(lead.needDescription),
    painPoints: text(lead.painPoints),
    expectedSolution: text(lead.expectedSolution),
    currentSolution: text(lead.currentSolution),
    budgetMin: amountText(lead.budget?.min),
    budgetMax: amountText(lead.budget?.max),
    budgetCurrency: lead.budget?.currency ?? defaultCurrency,
    decisionTimeline: text(lead.decisionTimeline),
    revenue: amountText(lead.revenue?.amount),
    revenueCurrency: lead.revenue?.currency ?? defaultCurrency,
    registeredCapital: amountText(lead.registeredCapital?.amount),
    registeredCapitalCurrency: lead.registeredCapital?.currency ?? defaultCurrency,
    annualPurchases: amountText(lead.annualPurchases?.amount),
    annualPurchasesCurrency: lead.annualPurchases?.currency ?? defaultCurrency,
    valueLevel: lead.valueLevel ?? '',
    tags: lead.tags.join(', '),
    competitor: engaged?.competitor ?? '',
    competitorAdvantages: text(engaged?.ourAdvantages),
    competitorWeaknesses: text(engaged?.ourWeaknesses),
  };
}

const AMOUNT = new RegExp(`^([\\d.,]+)\\s*(${MULTIPLIER_PATTERN})?$`, 'i');

/**
 * An amount as reps type it: "300000", "300,000", "30万", "1.2亿", "2.5m". What is not an amount becomes NaN,
 * so that saving says which field is wrong instead of dropping it.
 */
export function parseAmount(typed: string): number | null {
  const trimmed = typed.trim().replace(/\s+/g, '');
  if (!trimmed) return null;
  const match = AMOUNT.exec(trimmed);
  return (match && amountOf(match[1]!, match[2]?.toLowerCase())) ?? Number.NaN;
}

/** What the rep typed, trimmed; null for an empty field. */
export const orNull = (value: string) => (value.trim() ? value.trim() : null);
const money = (amount: string, currency: string) => {
  const value = parseAmount(amount);
  return value === null ? null : { amount: value, currency: currency.trim().toUpperCase() };
};

/** The deal fields as a patch of the lead (every field: the caller keeps only the changed ones). */
export function dealPatchOf(form: DealFormState): LeadPatch {
  const [min, max] = [parseAmount(form.budgetMin), parseAmount(form.budgetMax)];
  const competitor = orNull(form.competitor);
  return {
    needDescription: orNull(form.needDescription),
    painPoints: orNull(form.painPoints),
    expectedSolution: orNull(form.expectedSolution),
    currentSolution: orNull(form.currentSolution),
    budget: min === null && max === null ? null : { ...(min === null ? {} : { min }), ...(max === null ? {} : { max }), currency: form.budgetCurrency.trim().toUpperCase() },
    decisionTimeline: orNull(form.decisionTimeline),
    revenue: money(form.revenue, form.revenueCurrency),
    registeredCapital: money(form.registeredCapital, form.registeredCapitalCurrency),
    annualPurchases: money(form.annualPurchases, form.annualPurchasesCurrency),
    valueLevel: form.valueLevel ? ValueLevel.parse(form.valueLevel) : null,
    tags: [...new Set(form.tags.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))],
    competitor: competitor
      ? { status: 'engaged', competitor, ...(orNull(form.competitorAdvantages) ? { ourAdvantages: form.competitorAdvantages.trim() } : {}), ...(orNull(form.competitorWeaknesses) ? { ourWeaknesses: form.competitorWeaknesses.trim() } : {}) }
      : null,
  };
}
