import type { AssignmentRule, AssignmentSettings, Lead } from '../schema';

type AssignableLead = Pick<Lead, 'tier' | 'region' | 'industry'>;

const regionWords = (region: string) => region.toLowerCase().split(/[\s,，、/]+/u).filter(Boolean);

/** Whether a lead meets every condition a rule sets (an empty list sets none). */
export function ruleMatches(rule: AssignmentRule, lead: AssignableLead): boolean {
  if (rule.tiers.length > 0 && (lead.tier === null || !rule.tiers.includes(lead.tier))) return false;
  if (rule.industries.length > 0 && (lead.industry === null || !rule.industries.includes(lead.industry))) return false;
  if (rule.regions.length > 0) {
    if (lead.region === null) return false;
    const words = new Set(regionWords(lead.region));
    const whole = lead.region.trim().toLowerCase();
    if (!rule.regions.some((region) => words.has(region.toLowerCase()) || whole === region.toLowerCase())) return false;
  }
  return true;
}

/** The first rule the lead matches, or null when none does (the lead then stays where it is). */
export function matchingRule(settings: AssignmentSettings, lead: AssignableLead): AssignmentRule | null {
  return settings.rules.find((rule) => ruleMatches(rule, lead)) ?? null;
}

/**
 * The assignee with the fewest open leads (ties go to the one listed first), so that a rule spreads leads
 * evenly over its people. `members` limits the choice to people still in the team: a rule naming someone
 * who left skips them; null when nobody of the rule is left.
 */
export function pickAssignee(rule: AssignmentRule, openLeads: ReadonlyMap<string, number>, members: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const id of rule.assignees) {
    if (!members.has(id)) continue;
    if (best === null || (openLeads.get(id) ?? 0) < (openLeads.get(best) ?? 0)) best = id;
  }
  return best;
}
