import type { Stage, TeamSettings, Tier } from '../schema';
import { DAY_MS, isBefore, later } from './time';

export interface PhaseStatus {
  /** The tier's limit for this stage; null when the team sets none. */
  limitDays: number | null;
  deadline: string | null;
  overdue: boolean;
}

/** shared/domain.md §3: a stage has a time limit per tier (S's initial contact at most 3 days, C's at most 7). */
export function phaseOverdue(input: { tier: Tier; stage: Stage; enteredAt: string }, now: string, settings: TeamSettings): PhaseStatus {
  const limitDays = settings.phaseLimitDays[input.stage]?.[input.tier] ?? null;
  if (limitDays === null) return { limitDays: null, deadline: null, overdue: false };
  const deadline = later(input.enteredAt, limitDays * DAY_MS);
  return { limitDays, deadline, overdue: isBefore(deadline, now) };
}
