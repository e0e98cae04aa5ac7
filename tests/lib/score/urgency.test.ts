import { DEFAULT_TEAM_SETTINGS } from '@/lib/schema';
import { scoreLead, type LeadScore } from '@/lib/score';
import { NOW, makeActivity, makeLead } from './records';

const urgency = (score: LeadScore) => score.dimensions.find((d) => d.key === 'urgency')!;
const score = (...args: Parameters<typeof makeLead>) => (activities: (lead: ReturnType<typeof makeLead>) => ReturnType<typeof makeActivity>[] = () => [], now = NOW) => {
  const lead = makeLead(...args);
  return scoreLead({ lead, contacts: [], activities: activities(lead) }, DEFAULT_TEAM_SETTINGS, now);
};

describe('urgency', () => {
  it('earns full points for a decision this month, less as the decision moves out', () => {
    expect(urgency(score({ decisionTimeline: '本月' })()).points).toBe(20);
    expect(urgency(score({ decisionTimeline: 'next month' })()).points).toBe(15);
    expect(urgency(score({ decisionTimeline: 'Q1 2027' })()).points).toBe(10);
    expect(urgency(score({ decisionTimeline: 'Q3 2027' })()).points).toBe(5);
    expect(urgency(score({ decisionTimeline: '2028年' })()).points).toBe(0);
  });

  it('counts "no rush" as a known answer worth nothing, and "TBD" as a question still open', () => {
    const noRush = score({ decisionTimeline: 'no rush' })();
    expect(urgency(noRush)).toMatchObject({ points: 0, unknown: false, evidence: [{ key: 'timelineNotUrgent' }] });
    expect(noRush.askNext).not.toContain('decisionTimeline');
    const tbd = score({ decisionTimeline: '待定' })();
    expect(urgency(tbd)).toMatchObject({ unknown: true, evidence: [{ key: 'timelineUndecided' }] });
    expect(tbd.askNext).toContain('decisionTimeline');
    expect(urgency(score({ decisionTimeline: 'after the board meets' })())).toMatchObject({ unknown: true, evidence: [{ key: 'timelineUnreadable' }] });
  });

  it('reads "this month" in the month the rep wrote it: a month later it has passed and is asked again', () => {
    const written = score({ decisionTimeline: '本月' }, '2026-10-10T02:00:00.000Z')();
    expect(urgency(written)).toMatchObject({ unknown: true, evidence: [{ key: 'timelinePassed', params: { text: '本月' } }] });
    expect(written.askNext).toContain('decisionTimeline');
  });

  it('draws a stated deadline nearer as time passes', () => {
    const lead = makeLead({ decisionTimeline: 'within 6 months' }, '2026-06-01T02:00:00.000Z');
    const at = (now: string) => urgency(scoreLead({ lead, contacts: [], activities: [] }, DEFAULT_TEAM_SETTINGS, now)).points;
    expect(at('2026-06-01T02:00:00.000Z')).toBe(10);
    expect(at('2026-10-01T02:00:00.000Z')).toBe(15);
    expect(at('2026-11-20T02:00:00.000Z')).toBe(20);
  });

  it('picks up urgency said in follow-ups ("ASAP", "尽快", "this month", "本月")', () => {
    const scored = score({})((lead) => [makeActivity(lead, '2026-11-20T02:00:00.000Z', '客户希望尽快上线，本月内确定供应商')]);
    expect(urgency(scored)).toMatchObject({ points: 20, unknown: false });
    expect(urgency(scored).evidence[0]).toMatchObject({ key: 'followUpSignal', params: { phrase: '本月', occurredAt: '2026-11-20T02:00:00.000Z', days: 8 } });
  });

  it('lets an old "ASAP" lapse when nothing came of it', () => {
    const stale = score({})((lead) => [makeActivity(lead, '2026-09-01T02:00:00.000Z', 'Need it ASAP')]);
    expect(urgency(stale).unknown).toBe(true);
  });

  it('keeps the most urgent of the timeline and the follow-ups', () => {
    const scored = score({ decisionTimeline: 'Q3 2027' })((lead) => [makeActivity(lead, NOW, 'Customer: urgent, budget approved')]);
    expect(urgency(scored).points).toBe(20);
    expect(urgency(scored).evidence.map((e) => e.key)).toEqual(['decisionTimeline', 'followUpSignal']);
  });
});
