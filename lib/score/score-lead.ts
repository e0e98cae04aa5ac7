import type { Activity, Contact, Lead, TeamSettings } from '../schema';
import { scoreBudgetFit } from './budget-fit';
import { scoreDecisionChain } from './decision-chain';
import type { DimensionResult } from './dimension';
import { intentGrade, potentialGrade } from './grades';
import { ofLead } from './lead-facts';
import type { AskFact, LeadScore } from './lead-score';
import { needClarity } from './need-clarity';
import { scoreScale } from './scale';
import { screenLead } from './screening';
import { tierForTotal } from './tiers';
import { scoreUrgency } from './urgency';
import { valueLevel } from './value-level';

export interface ScoreInput {
  lead: Lead;
  /** The lead's contacts; deleted ones and those of other leads are ignored. */
  contacts: readonly Contact[];
  /** The lead's follow-up records; deleted ones and those of other leads are ignored. */
  activities: readonly Activity[];
}

/**
 * The playbook's 100-point score (shared/domain.md §2) with the evidence behind every point, the facts to ask
 * next, and the grades derived from the same facts. Pure: the same lead, records, settings and `now` give the
 * same score. `now` (ISO) is what time-relative facts are read against; it defaults to the lead's last update
 * so that a score never depends on when the code happened to run.
 */
export function scoreLead(input: ScoreInput, settings: TeamSettings, now?: string): LeadScore {
  const { lead } = input;
  const at = [now, lead.updatedAt].map((t) => (t === undefined ? NaN : Date.parse(t))).find(Number.isFinite) ?? 0;
  const contacts = ofLead(lead, input.contacts);
  const activities = ofLead(lead, input.activities);

  const scale = scoreScale(lead, settings);
  const budget = scoreBudgetFit(lead, settings);
  const urgency = scoreUrgency(lead, activities, at, settings);
  const chain = scoreDecisionChain(contacts, settings);
  const results = [scale, budget, urgency, chain];
  const total = results.reduce((sum, r) => sum + r.score.points, 0);
  const need = needClarity(lead, activities);
  const decisionMakerKnown = contacts.some((c) => c.decisionRole === 'decision_maker');

  return {
    total,
    tier: tierForTotal(total, settings.thresholds),
    dimensions: results.map((r) => r.score),
    askNext: askNext(results, need === 'none'),
    intentGrade: intentGrade(need, urgency.score, budget.score, decisionMakerKnown),
    valueLevel: valueLevel(lead, settings),
    potential: potentialGrade(need, budget.score),
    needClarity: need,
    screening: screenLead(lead, activities, settings),
    scoredAt: new Date(at).toISOString(),
  };
}

/** Missing facts, those of the heaviest dimensions first; the need last, as it moves grades rather than points. */
function askNext(results: DimensionResult[], needMissing: boolean): AskFact[] {
  const byWeight = [...results].sort((a, b) => b.score.max - a.score.max);
  const facts = byWeight.flatMap((r) => r.ask);
  if (needMissing) facts.push('needs');
  return [...new Set(facts)];
}
