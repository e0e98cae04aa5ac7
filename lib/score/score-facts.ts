import type { Activity, Contact, Lead, TeamSettings, Tier } from '../schema';
import { scoreBudgetFit } from './budget-fit';
import { scoreDecisionChain } from './decision-chain';
import { ofLead } from './lead-facts';
import { scoreScale } from './scale';
import { tierForTotal } from './tiers';
import { scoreUrgency } from './urgency';

/** The lead fields the four scored dimensions read (lib/score/scale, budget-fit, urgency). */
const LEAD_FIELDS = ['id', 'updatedAt', 'employees', 'sizeBand', 'revenue', 'registeredCapital', 'budget', 'decisionTimeline'] as const;

/**
 * What a lead's total and tier depend on, and nothing else: its size, budget and timeline facts, the roles of
 * its live contacts and what its live follow-ups said. Kept beside each lead (Dexie v6 scoreInputs) so that a
 * re-score after a settings change reads one small row per lead instead of the lead, its contacts and its
 * activities.
 */
export interface ScoreFacts {
  lead: Pick<Lead, (typeof LEAD_FIELDS)[number]> & { versions: { decisionTimeline?: string } };
  roles: Array<Contact['decisionRole']>;
  /** Each live follow-up's time and what was said in it, as urgency reads it. */
  said: Array<{ at: string; text: string }>;
}

export function scoreFactsOf(lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): ScoreFacts {
  const fields = Object.fromEntries(LEAD_FIELDS.map((name) => [name, (lead as unknown as Record<string, unknown>)[name] ?? null]));
  const stamp = lead.versions.decisionTimeline;
  return {
    lead: { ...(fields as ScoreFacts['lead']), versions: stamp === undefined ? {} : { decisionTimeline: stamp } },
    roles: ofLead(lead, contacts).map((contact) => contact.decisionRole),
    said: ofLead(lead, activities)
      .map((activity) => ({ at: activity.occurredAt, text: saidIn(activity) }))
      .filter((entry) => entry.text !== ''),
  };
}

/**
 * The total and tier scoreLead gives for the same lead, records and settings, from its facts alone (the same
 * dimension rules; the grades and "ask next" are left out, a re-score does not store them).
 */
export function scoreTotalOf(facts: ScoreFacts, settings: TeamSettings, now: string): { total: number; tier: Tier } {
  const lead = { ...facts.lead, origins: {} } as unknown as Lead;
  const at = [now, lead.updatedAt].map((t) => Date.parse(t)).find(Number.isFinite) ?? 0;
  const activities = facts.said.map(({ at: occurredAt, text }) => ({ id: '', occurredAt, subject: text, summary: '', bant: {} }) as unknown as Activity);
  const contacts = facts.roles.map((decisionRole) => ({ name: '', decisionRole }) as Contact);
  const total =
    scoreScale(lead, settings).score.points +
    scoreBudgetFit(lead, settings).score.points +
    scoreUrgency(lead, activities, at, settings).score.points +
    scoreDecisionChain(contacts, settings).score.points;
  return { total, tier: tierForTotal(total, settings.thresholds) };
}

/** What urgency reads of a follow-up (lib/score/urgency): subject, summary and the BANT notes, one per line. */
function saidIn(activity: Activity): string {
  const { subject, summary, bant } = activity;
  return [subject, summary, bant.background, bant.painPoints, bant.needs, bant.value].filter(Boolean).join('\n');
}
