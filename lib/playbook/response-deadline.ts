import type { TeamSettings, Tier } from '../schema';
import { HOUR_MS, later } from './time';

/** shared/domain.md §2 分配时限: first contact within 2 hours of creation or assignment for S and A, 4 for B, 24 for C. */
export function responseDeadline(tier: Tier, assignedAt: string, settings: TeamSettings): string {
  return later(assignedAt, settings.responseHours[tier] * HOUR_MS);
}
