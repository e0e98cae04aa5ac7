import {
  EMPTY_TIER_STATE,
  TierState,
  applyTierOverride,
  clearTierOverride,
  effectiveTier,
  followSyncedOverride,
  recordScore,
  type RuleResult,
} from '@/lib/score';

const scored = (tier: 'S' | 'A' | 'B' | 'C', total: number, scoredAt: string) => ({ tier, total, scoredAt });
const ok = <T>(result: RuleResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe('tier overrides and history', () => {
  const first = recordScore(EMPTY_TIER_STATE, scored('B', 55, '2026-11-01T02:00:00.000Z'));

  it('records the first score and every change of the scored tier, not every new total', () => {
    expect(effectiveTier(first)).toBe('B');
    expect(first.history).toEqual([{ at: '2026-11-01T02:00:00.000Z', cause: 'score', from: null, to: 'B', scoredTier: 'B', total: 55, by: null, reason: null }]);
    const sameTier = recordScore(first, scored('B', 58, '2026-11-02T02:00:00.000Z'));
    expect(sameTier.history).toHaveLength(1);
    expect(sameTier.scored).toEqual({ tier: 'B', total: 58, at: '2026-11-02T02:00:00.000Z' });
    const promoted = recordScore(sameTier, scored('A', 64, '2026-11-03T02:00:00.000Z'));
    expect(promoted.history.at(-1)).toMatchObject({ cause: 'score', from: 'B', to: 'A', total: 64 });
    expect(TierState.safeParse(promoted).success).toBe(true);
  });

  it('keeps a manager’s override, who made it, when and why, above the score', () => {
    const overridden = ok(applyTierOverride(first, { tier: 'S', reason: '上市公司，重点跟进', by: 'manager-li', at: '2026-11-05T02:00:00.000Z' }));
    expect(effectiveTier(overridden)).toBe('S');
    expect(overridden.override).toEqual({ tier: 'S', reason: '上市公司，重点跟进', by: 'manager-li', at: '2026-11-05T02:00:00.000Z' });
    expect(overridden.history.at(-1)).toEqual({ at: '2026-11-05T02:00:00.000Z', cause: 'override', from: 'B', to: 'S', scoredTier: 'B', total: 55, by: 'manager-li', reason: '上市公司，重点跟进' });

    const rescored = recordScore(overridden, scored('C', 30, '2026-11-06T02:00:00.000Z'));
    expect(effectiveTier(rescored)).toBe('S');
    expect(rescored.history.at(-1)).toMatchObject({ cause: 'score', from: 'S', to: 'S', scoredTier: 'C' });

    const cleared = ok(clearTierOverride(rescored, { by: 'manager-li', at: '2026-11-07T02:00:00.000Z', reason: 'IPO postponed' }));
    expect(effectiveTier(cleared)).toBe('C');
    expect(cleared.history.at(-1)).toMatchObject({ cause: 'override_cleared', from: 'S', to: 'C', by: 'manager-li', reason: 'IPO postponed' });
    expect(cleared.history).toHaveLength(4);
  });

  it('refuses an override without a reason or a name, changing nothing', () => {
    const result = applyTierOverride(first, { tier: 'S', reason: '   ', by: '', at: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_TIER_OVERRIDE');
    expect(result.error.fields).toEqual(['reason', 'by', 'at']);
    expect(result.error.message).toContain('say why the tier is overridden');
    expect(first.override).toBeNull();
  });

  it('treats clearing an override that is not there as nothing to record', () => {
    expect(ok(clearTierOverride(first, { by: 'manager-li', at: '2026-11-07T02:00:00.000Z' }))).toBe(first);
  });
});

describe('following the override synced on the lead', () => {
  const first = recordScore(EMPTY_TIER_STATE, scored('B', 55, '2026-11-01T02:00:00.000Z'));
  const teammates = { tier: 'S' as const, reason: '上市公司，重点跟进', by: 'Manager Zhang', at: '2026-11-05T02:00:00.000Z' };

  it('a teammate’s override becomes this lead’s override and a history entry with who, when and why; once', () => {
    const followed = followSyncedOverride(first, teammates, '2026-11-06T00:00:00.000Z');
    expect(effectiveTier(followed)).toBe('S');
    expect(followed.history.at(-1)).toEqual({ at: teammates.at, cause: 'override', from: 'B', to: 'S', scoredTier: 'B', total: 55, by: 'Manager Zhang', reason: '上市公司，重点跟进' });
    expect(followSyncedOverride(followed, teammates, '2026-11-07T00:00:00.000Z')).toBe(followed);
  });

  it('a lifting records who lifted it and when; a lead without any override leaves a state without one alone', () => {
    const followed = followSyncedOverride(first, teammates, '2026-11-06T00:00:00.000Z');
    const lifted = followSyncedOverride(followed, { tier: null, reason: null, by: 'Admin Wu', at: '2026-11-08T02:00:00.000Z' }, '2026-11-09T00:00:00.000Z');
    expect(effectiveTier(lifted)).toBe('B');
    expect(lifted.history.at(-1)).toMatchObject({ at: '2026-11-08T02:00:00.000Z', cause: 'override_cleared', from: 'S', to: 'B', by: 'Admin Wu', reason: null });
    expect(followSyncedOverride(first, null, '2026-11-09T00:00:00.000Z')).toBe(first);
    expect(followSyncedOverride(first, undefined, '2026-11-09T00:00:00.000Z')).toBe(first);
    // A lead that lost its override (merged into one without it) lifts it as of now, by nobody known.
    expect(followSyncedOverride(followed, null, '2026-11-09T00:00:00.000Z').history.at(-1)).toMatchObject({ at: '2026-11-09T00:00:00.000Z', cause: 'override_cleared', by: null });
  });

  it('another override replacing the one in force is a change; the same one with a new reason too', () => {
    const followed = followSyncedOverride(first, teammates, '2026-11-06T00:00:00.000Z');
    const replaced = followSyncedOverride(followed, { ...teammates, tier: 'A', at: '2026-11-07T02:00:00.000Z' }, '2026-11-08T00:00:00.000Z');
    expect(replaced.history.at(-1)).toMatchObject({ cause: 'override', from: 'S', to: 'A' });
    expect(followSyncedOverride(replaced, { ...teammates, tier: 'A', at: '2026-11-07T02:00:00.000Z', reason: 'Other reason' }, '2026-11-08T00:00:00.000Z').history).toHaveLength(replaced.history.length + 1);
  });
});
