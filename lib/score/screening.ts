import { screenLead as screenWithRules } from '../enrich/screening';
import type { Activity, Lead, TeamSettings } from '../schema';
import type { Screening } from './lead-score';

/**
 * shared/domain.md §1 筛选标准, as part of the score: the one screening of lib/enrich (which the sidebar shows
 * too), with the team's criteria and what the lead's follow-ups recorded. A lead passes only when every
 * criterion is met; a failed one flags it (it is kept); missing facts leave it incomplete rather than failed.
 */
export function screenLead(lead: Lead, activities: readonly Activity[], settings: TeamSettings): Screening {
  const followUps = activities.flatMap((a) => [a.subject, a.summary, a.bant.background, a.bant.painPoints, a.bant.needs, a.bant.value]);
  const rules = { ...settings.screening, currency: settings.currency, exchangeRates: settings.exchangeRates };
  const { status, checks } = screenWithRules(lead, rules, followUps);
  return { status, pass: status === 'pass', checks };
}
