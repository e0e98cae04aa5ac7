import type { Activity, Lead, TeamSettings } from '../schema';
import type { Screening, ScreeningCheck } from './lead-score';
import { budgetCeiling, toTeamAmount } from './money';
import { sourceKeywords } from './need-clarity';

/**
 * shared/domain.md §1 筛选标准: each configured criterion is met, failed, or unknown when its fact is missing.
 * A lead passes only when every criterion is met; a failed one flags it (it is kept); missing facts leave it
 * incomplete rather than failed.
 */
export function screenLead(lead: Lead, activities: readonly Activity[], settings: TeamSettings): Screening {
  const { minEmployees, keywords, minBudget } = settings.screening;
  const checks: ScreeningCheck[] = [];

  if (minEmployees !== null) {
    checks.push(
      lead.employees === null
        ? { criterion: 'minEmployees', result: 'unknown', params: { min: minEmployees } }
        : { criterion: 'minEmployees', result: lead.employees >= minEmployees ? 'met' : 'failed', params: { count: lead.employees, min: minEmployees } },
    );
  }

  if (keywords.length > 0) {
    const texts = [lead.needDescription, lead.painPoints, lead.expectedSolution, lead.currentSolution, ...lead.tags, ...sourceKeywords(lead)];
    for (const a of activities) texts.push(a.subject, a.summary, a.bant.background, a.bant.painPoints, a.bant.needs, a.bant.value);
    const corpus = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n').normalize('NFKC').toLowerCase();
    const hit = keywords.find((k) => corpus.includes(k.normalize('NFKC').toLowerCase()));
    const list = keywords.join(', ');
    checks.push(
      corpus === ''
        ? { criterion: 'keywords', result: 'unknown', params: { keywords: list } }
        : { criterion: 'keywords', result: hit ? 'met' : 'failed', params: hit ? { keyword: hit, keywords: list } : { keywords: list } },
    );
  }

  if (minBudget !== null) {
    const ceiling = budgetCeiling(lead.budget);
    const amount = ceiling ? toTeamAmount(ceiling, settings) : null;
    const params = { min: minBudget, currency: settings.currency };
    checks.push(
      amount === null
        ? { criterion: 'minBudget', result: 'unknown', params }
        : { criterion: 'minBudget', result: amount >= minBudget ? 'met' : 'failed', params: { ...params, amount: Math.round(amount) } },
    );
  }

  const status = checks.some((c) => c.result === 'failed') ? 'fail' : checks.some((c) => c.result === 'unknown') ? 'incomplete' : 'pass';
  return { status, pass: status === 'pass', checks };
}
