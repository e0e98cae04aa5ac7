import { z } from 'zod';
import { Stage, Timestamp } from '../schema';
import { RuleErrorCode, refused, type RuleResult } from '../score';

/**
 * One stage change with its time (shared/domain.md §4 statuses), so that response time (assignment to first
 * contact) and sales cycle (assignment to won) can be measured (§6).
 */
export const StageChange = z.object({
  from: Stage.nullable(),
  to: Stage,
  at: Timestamp,
  by: z.string().trim().max(64).nullable(),
});
export type StageChange = z.infer<typeof StageChange>;

/**
 * Appends a change to a lead's stage history, its `from` being the stage the history ends in (null for the
 * first). Moving to the stage the lead is already in records nothing; any other move is allowed, back included,
 * since deals do go back. Kept in the order recorded: reps' clocks are not trusted to sort by.
 */
export function recordStageChange(history: readonly StageChange[], change: { to: Stage; at: string; by: string | null }): RuleResult<StageChange[]> {
  const from = history.at(-1)?.to ?? null;
  const parsed = StageChange.safeParse({ ...change, from });
  if (!parsed.success) return refused(RuleErrorCode.InvalidStageChange, 'The stage change is not valid', parsed.error);
  if (parsed.data.to === from) return { ok: true, data: [...history] };
  return { ok: true, data: [...history, parsed.data] };
}

/** When the lead last entered `stage`; null if it never did. */
export function stageEnteredAt(history: readonly StageChange[], stage: Stage): string | null {
  return history.findLast((change) => change.to === stage)?.at ?? null;
}
