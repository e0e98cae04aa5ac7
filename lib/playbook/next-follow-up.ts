import type { Stage, TeamSettings, Tier } from '../schema';
import { OPEN_STAGES } from './open-stages';
import { responseDeadline } from './response-deadline';
import { DAY_MS, isBefore, later } from './time';

export interface FollowUpInput {
  tier: Tier;
  /** When the lead was created or assigned to the rep. */
  assignedAt: string;
  /** The last touch (any follow-up record); null before the first one. */
  lastTouchAt: string | null;
  /** A next follow-up date agreed in the last record (Activity.nextFollowUpAt). */
  agreedAt?: string | null;
}

export type FollowUpBasis = 'first_response' | 'cadence' | 'agreed';

/**
 * shared/domain.md §3 跟进频率: before any touch, the response deadline; after one, the tier's cadence (S daily,
 * A every two days, B and C weekly) from the last touch, or the date agreed with the customer when that is sooner.
 */
export function nextFollowUp(input: FollowUpInput, settings: TeamSettings): { dueAt: string; basis: FollowUpBasis } {
  if (input.lastTouchAt === null) return { dueAt: responseDeadline(input.tier, input.assignedAt, settings), basis: 'first_response' };
  const cadence = later(input.lastTouchAt, settings.cadenceDays[input.tier] * DAY_MS);
  if (input.agreedAt && isBefore(input.agreedAt, cadence)) return { dueAt: input.agreedAt, basis: 'agreed' };
  return { dueAt: cadence, basis: 'cadence' };
}

/** What the playbook reads of a lead for its next follow-up. */
export interface FollowUpLead {
  stage: Stage;
  createdAt: string;
  assignedAt?: string | null;
}

/**
 * The next follow-up of a lead with `tier` in force, given its last follow-up record (oldest-first order's
 * last): none once won, lost or in after-sales care. A date the rep agreed with the customer in that record is
 * kept when it comes before the cadence, so recomputing after a tier change never loses it.
 */
export function leadNextFollowUp(
  lead: FollowUpLead,
  tier: Tier,
  last: { occurredAt: string; nextFollowUpAt: string | null } | undefined,
  settings: TeamSettings,
): { dueAt: string; basis: FollowUpBasis } | null {
  if (!OPEN_STAGES.includes(lead.stage)) return null;
  return nextFollowUp({ tier, assignedAt: lead.assignedAt ?? lead.createdAt, lastTouchAt: last?.occurredAt ?? null, agreedAt: last?.nextFollowUpAt ?? null }, settings);
}
