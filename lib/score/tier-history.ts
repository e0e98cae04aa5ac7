import { z } from 'zod';
import { Tier, Timestamp } from '../schema';
import { RuleErrorCode, refused, type RuleResult } from './errors';
import type { LeadScore } from './lead-score';

/** shared/domain.md §2: a manager may override the scored tier; the override and its reason are kept. */
export const TierOverride = z.object({
  tier: Tier,
  reason: z.string().trim().min(1, 'say why the tier is overridden').max(500),
  by: z.string().trim().min(1, 'who overrides the tier').max(64),
  at: Timestamp,
});
export type TierOverride = z.infer<typeof TierOverride>;

export const TierChangeCause = z.enum(['score', 'override', 'override_cleared']);

/** One change of a lead's tier: what it was and became, and why. */
export const TierHistoryEntry = z.object({
  at: Timestamp,
  cause: TierChangeCause,
  /** The tier in force before and after (the override's when there is one). */
  from: Tier.nullable(),
  to: Tier.nullable(),
  /** The tier the score gave at that moment, in force or not. */
  scoredTier: Tier.nullable(),
  total: z.number().int().min(0).max(100).nullable(),
  by: z.string().max(64).nullable(),
  reason: z.string().max(500).nullable(),
});
export type TierHistoryEntry = z.infer<typeof TierHistoryEntry>;

/** Everything about a lead's tier; the storage side keeps one per lead. */
export const TierState = z.object({
  scored: z.object({ tier: Tier, total: z.number().int().min(0).max(100), at: Timestamp }).nullable(),
  override: TierOverride.nullable(),
  history: z.array(TierHistoryEntry),
});
export type TierState = z.infer<typeof TierState>;

export const EMPTY_TIER_STATE: TierState = { scored: null, override: null, history: [] };

/** The tier in force: the manager's override, else the score's. */
export function effectiveTier(state: TierState): Tier | null {
  return state.override?.tier ?? state.scored?.tier ?? null;
}

/**
 * Records a new score. History gains an entry when the scored tier changes (even under an override, so a
 * manager sees the score moving); a new total with the same tier is not a tier change.
 */
export function recordScore(state: TierState, score: Pick<LeadScore, 'tier' | 'total' | 'scoredAt'>): TierState {
  const scored = { tier: score.tier, total: score.total, at: score.scoredAt };
  const next: TierState = { ...state, scored };
  if (state.scored?.tier === score.tier) return next;
  return withEntry(state, next, { at: score.scoredAt, cause: 'score', by: null, reason: null });
}

/** Applies a manager's override; refused (nothing changes) without a reason, a name or a valid time. */
export function applyTierOverride(state: TierState, override: TierOverride): RuleResult<TierState> {
  const parsed = TierOverride.safeParse(override);
  if (!parsed.success) return refused(RuleErrorCode.InvalidTierOverride, 'The tier override is not valid', parsed.error);
  const { by, reason, at } = parsed.data;
  return { ok: true, data: withEntry(state, { ...state, override: parsed.data }, { at, cause: 'override', by, reason }) };
}

/** Lifts the override so the score's tier is in force again. */
export function clearTierOverride(state: TierState, change: { by: string; at: string; reason?: string }): RuleResult<TierState> {
  const parsed = TierOverride.pick({ by: true, at: true }).extend({ reason: z.string().trim().max(500).optional() }).safeParse(change);
  if (!parsed.success) return refused(RuleErrorCode.InvalidTierOverride, 'Clearing the tier override is not valid', parsed.error);
  if (!state.override) return { ok: true, data: state };
  const { by, at, reason } = parsed.data;
  return { ok: true, data: withEntry(state, { ...state, override: null }, { at, cause: 'override_cleared', by, reason: reason || null }) };
}

function withEntry(before: TierState, after: TierState, entry: Pick<TierHistoryEntry, 'at' | 'cause' | 'by' | 'reason'>): TierState {
  const change: TierHistoryEntry = {
    ...entry,
    from: effectiveTier(before),
    to: effectiveTier(after),
    scoredTier: after.scored?.tier ?? null,
    total: after.scored?.total ?? null,
  };
  return { ...after, history: [...before.history, change] };
}
