import { recordStageChange, stageEnteredAt, type StageChange } from '@/lib/playbook';
import type { RuleResult } from '@/lib/score';

const ok = <T>(result: RuleResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe('stage history', () => {
  const created = ok(recordStageChange([], { to: 'not_contacted', at: '2026-11-23T01:00:00.000Z', by: null }));
  const contacted = ok(recordStageChange(created, { to: 'initial_contact', at: '2026-11-23T02:30:00.000Z', by: 'rep-1' }));

  it('records every stage change with its time, from the stage before', () => {
    expect(contacted).toEqual([
      { from: null, to: 'not_contacted', at: '2026-11-23T01:00:00.000Z', by: null },
      { from: 'not_contacted', to: 'initial_contact', at: '2026-11-23T02:30:00.000Z', by: 'rep-1' },
    ]);
  });

  it('tells when the lead entered a stage, so response time and sales cycle can be measured', () => {
    const back = ok(recordStageChange(contacted, { to: 'needs_confirmed', at: '2026-11-25T02:00:00.000Z', by: 'rep-1' }));
    const again = ok(recordStageChange(ok(recordStageChange(back, { to: 'initial_contact', at: '2026-11-26T02:00:00.000Z', by: 'rep-1' })), { to: 'won', at: '2026-12-20T02:00:00.000Z', by: 'rep-1' }));
    expect(stageEnteredAt(again, 'initial_contact')).toBe('2026-11-26T02:00:00.000Z');
    expect(stageEnteredAt(again, 'won')).toBe('2026-12-20T02:00:00.000Z');
    expect(stageEnteredAt(again, 'lost')).toBeNull();
  });

  it('records nothing when the stage does not change', () => {
    expect(ok(recordStageChange(contacted, { to: 'initial_contact', at: '2026-11-24T02:00:00.000Z', by: 'rep-1' }))).toEqual(contacted);
  });

  it('refuses a change without a valid stage or time, leaving the history as it was', () => {
    const history: StageChange[] = [...contacted];
    const result = recordStageChange(history, { to: 'signed' as never, at: 'later', by: 'rep-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_STAGE_CHANGE', fields: ['to', 'at'] });
    expect(history).toEqual(contacted);
  });
});
