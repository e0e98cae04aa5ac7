import { z } from 'zod';
import { Tier, TierOverride, Timestamp, type LeadTierOverride } from '../schema';
import { RuleErrorCode, refused, type RuleResult } from './errors';
import type { LeadScore } from './lead-score';

export { TierOverride };

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

/**
 * Brings the tier state in step with the lead's synced override (`synced`, the field every teammate shares):
 * an override set or lifted elsewhere, or by this device's own message, becomes a tier history entry with who
 * made it, when and why, like an override applied here. The same override again changes nothing. A lead that
 * carries no override while the state has one (a lead merged into one without it) lifts it as of `now`.
 */
export function followSyncedOverride(state: TierState, synced: LeadTierOverride | null | undefined, now: string): TierState {
  const inForce = synced && synced.tier !== null ? TierOverride.parse(synced) : null;
  if (sameOverride(state.override, inForce)) return state;
  if (inForce) {
    const { by, reason, at } = inForce;
    return withEntry(state, { ...state, override: inForce }, { at, cause: 'override', by, reason });
  }
  const entry = synced ? { at: synced.at, by: synced.by, reason: synced.reason || null } : { at: now, by: null, reason: null };
  return withEntry(state, { ...state, override: null }, { ...entry, cause: 'override_cleared' });
}

function sameOverride(a: TierOverride | null, b: TierOverride | null): boolean {
  if (a === null || b === null) return a === b;
  return a.tier === b.tier && a.by === b.by && a.at === b.at && a.reason === b.reason;
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
