import type { TeamSettings, Tier } from '../schema';

/** Tiers from the highest down. */
export const TIERS: readonly Tier[] = ['S', 'A', 'B', 'C'];

/** shared/domain.md §2: total >= S threshold is S, >= A is A, >= B is B, anything lower is C. */
export function tierForTotal(total: number, thresholds: TeamSettings['thresholds']): Tier {
  if (total >= thresholds.S) return 'S';
  if (total >= thresholds.A) return 'A';
  if (total >= thresholds.B) return 'B';
  return 'C';
}

/** 3 for S down to 0 for C, to compare tiers. */
export function tierRank(tier: Tier): number {
  return TIERS.length - 1 - TIERS.indexOf(tier);
}
