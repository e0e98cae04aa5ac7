import { z } from 'zod';
import { StageChange } from '../playbook';
import { Id, Timestamp } from '../schema';
import { TierHistoryEntry, TierOverride } from '../score';

/**
 * One event in a lead's history, in the order this device recorded it (ids are UUIDv7): a tier change (by the
 * score, a manager's override or its lifting) or a stage change. Kept so that response time and sales cycle can
 * be measured (shared/domain.md §6) and a manager sees why a tier moved.
 */
export const LeadHistoryRow = z.discriminatedUnion('kind', [
  z.object({ id: Id, leadId: Id, kind: z.literal('tier'), at: Timestamp, entry: TierHistoryEntry }),
  z.object({ id: Id, leadId: Id, kind: z.literal('stage'), at: Timestamp, entry: StageChange }),
]);
export type LeadHistoryRow = z.infer<typeof LeadHistoryRow>;

/** The lead's last score and the override in force; its tier changes are LeadHistoryRows. */
export const TierStateRow = z.object({
  leadId: Id,
  scored: z.object({ tier: z.enum(['S', 'A', 'B', 'C']), total: z.number().int().min(0).max(100), at: Timestamp }).nullable(),
  override: TierOverride.nullable(),
});
export type TierStateRow = z.infer<typeof TierStateRow>;
