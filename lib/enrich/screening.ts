import type { Lead, ScreeningCheckResult, ScreeningResult } from '../schema';
import { employeeRangeOfBand } from './size-band';

/**
 * The team's screening criteria (TeamSettings.screening) with the team's currency and fixed rates (units of
 * the team currency per unit of another), which budgets are compared in.
 */
export interface ScreeningRules {
  minEmployees: number | null;
  keywords: readonly string[];
  minBudget: number | null;
  currency: string;
  exchangeRates: Readonly<Record<string, number>>;
}

/**
 * Screens a lead against the team's criteria (筛选标准, shared/domain.md §1): each criterion is met, failed,
 * or unknown while its fact is missing. A failing lead is kept and flagged; it is never dropped.
 */
export function screenLead(lead: Lead, rules: ScreeningRules, followUpTexts: readonly (string | null)[] = []): ScreeningResult {
  const checks: ScreeningCheckResult[] = [];
  if (rules.minEmployees !== null) checks.push(checkEmployees(lead, rules.minEmployees));
  if (rules.keywords.length > 0) checks.push(checkKeywords(lead, rules.keywords, followUpTexts));
  if (rules.minBudget !== null) checks.push(checkBudget(lead, rules.minBudget, rules));
  const status = checks.some((c) => c.result === 'failed') ? 'fail' : checks.every((c) => c.result === 'met') ? 'pass' : 'incomplete';
  return { status, checks };
}

function checkEmployees(lead: Lead, min: number): ScreeningCheckResult {
  const criterion = 'minEmployees';
  if (lead.employees !== null) {
    return { criterion, result: lead.employees >= min ? 'met' : 'failed', params: { employees: lead.employees, min } };
  }
  if (lead.sizeBand !== null) {
    // The band alone decides only when its whole range is on one side of the minimum.
    const range = employeeRangeOfBand(lead.sizeBand);
    const employees = range.max === null ? `${range.min}+` : `${range.min}-${range.max}`;
    if (range.min >= min) return { criterion, result: 'met', params: { employees, min } };
    if (range.max !== null && range.max < min) return { criterion, result: 'failed', params: { employees, min } };
  }
  return { criterion, result: 'unknown', params: { min } };
}

/**
 * Keywords are looked for in the lead's needs, what the follow-ups recorded (subjects, summaries, BANT) and
 * what the company says about itself, ignoring case and width. Not finding one fails the criterion only once
 * needs are recorded: a company page alone rarely names a need.
 */
function checkKeywords(lead: Lead, keywords: readonly string[], followUpTexts: readonly (string | null)[]): ScreeningCheckResult {
  const criterion = 'keywords';
  const needs = [
    lead.needDescription,
    lead.painPoints,
    lead.expectedSolution,
    lead.currentSolution,
    ...(lead.source.kind === 'website' ? lead.source.needKeywords : []),
    ...followUpTexts,
  ];
  const text = [...needs, lead.description, ...lead.tags]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
  const list = keywords.join(', ');
  const found = keywords.filter((keyword) => text.includes(keyword.normalize('NFKC').toLowerCase()));
  if (found.length > 0) return { criterion, result: 'met', params: { found: found.join(', '), keywords: list } };
  return { criterion, result: needs.some(Boolean) ? 'failed' : 'unknown', params: { keywords: list } };
}

/** The budget's ceiling (the most the customer can spend) against the minimum, in the team's currency. */
function checkBudget(lead: Lead, min: number, rules: ScreeningRules): ScreeningCheckResult {
  const criterion = 'minBudget';
  const minText = `${min} ${rules.currency}`;
  const ceiling = lead.budget ? (lead.budget.max ?? lead.budget.min) : undefined;
  if (!lead.budget || ceiling === undefined) return { criterion, result: 'unknown', params: { min: minText } };
  const rate = lead.budget.currency === rules.currency ? 1 : rules.exchangeRates[lead.budget.currency];
  const budget = `${ceiling} ${lead.budget.currency}`;
  if (rate === undefined) return { criterion, result: 'unknown', params: { min: minText, budget } };
  return { criterion, result: ceiling * rate >= min ? 'met' : 'failed', params: { budget, min: minText } };
}
