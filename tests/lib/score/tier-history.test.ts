import {
  EMPTY_TIER_STATE,
  TierState,
  applyTierOverride,
  clearTierOverride,
  effectiveTier,
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
