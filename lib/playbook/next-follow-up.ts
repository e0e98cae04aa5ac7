import type { TeamSettings, Tier } from '../schema';
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
