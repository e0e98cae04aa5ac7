import { readTimeline, readUrgencySignals } from '@/lib/score/timeline';
import { NOW_MS } from './records';

const BEIJING = 480;
/** The deadline a timeline states, as an ISO instant (the earliest when it states several). */
const deadline = (text: string, spokenAt = NOW_MS) => {
  const [first] = readTimeline(text, spokenAt, BEIJING).deadlines.sort((a, b) => a.at - b.at);
  return first ? new Date(first.at).toISOString() : null;
};

describe('reading a decision timeline (said on Monday 23 Nov 2026, 10:00 Beijing)', () => {
  it.each([
    ['本月', '2026-11-30T15:59:59.999Z'],
    ['this month', '2026-11-30T15:59:59.999Z'],
    ['月底前', '2026-11-30T15:59:59.999Z'],
    ['下个月底', '2026-12-31T15:59:59.999Z'],
    ['next month', '2026-12-31T15:59:59.999Z'],
    ['12月底', '2026-12-31T15:59:59.999Z'],
    ['3月', '2027-03-31T15:59:59.999Z'],
    ['2027年3月', '2027-03-31T15:59:59.999Z'],
    ['2026-12-15', '2026-12-15T15:59:59.999Z'],
    ['by March 2027', '2027-03-31T15:59:59.999Z'],
    ['decision by 15 Jan 2027', '2027-01-15T15:59:59.999Z'],
    ['Q1 2027', '2027-03-31T15:59:59.999Z'],
    ['Q3', '2027-09-30T15:59:59.999Z'],
    ['本季度', '2026-12-31T15:59:59.999Z'],
    ['next quarter', '2027-03-31T15:59:59.999Z'],
    ['今年年底前', '2026-12-31T15:59:59.999Z'],
    ['2027年下半年', '2027-12-31T15:59:59.999Z'],
    ['明年', '2027-12-31T15:59:59.999Z'],
    ['this week', '2026-11-29T15:59:59.999Z'],
    ['下周', '2026-12-06T15:59:59.999Z'],
    ['ASAP', '2026-12-07T02:00:00.000Z'],
    ['尽快', '2026-12-07T02:00:00.000Z'],
    ['within 3 months', '2027-02-23T02:00:00.000Z'],
    ['3个月内', '2027-02-23T02:00:00.000Z'],
    ['两周内', '2026-12-07T02:00:00.000Z'],
    ['半年', '2027-05-23T02:00:00.000Z'],
    ['in two weeks', '2026-12-07T02:00:00.000Z'],
    ['6 months', '2027-05-23T02:00:00.000Z'],
    ['no later than end of month', '2026-11-30T15:59:59.999Z'],
    ['采购总监说本月定，最迟下个月', '2026-11-30T15:59:59.999Z'],
  ])('reads "%s" as by %s', (text, expected) => {
    expect(deadline(text)).toBe(expected);
  });

  it('reads month boundaries on the team’s clock: 1 December in Beijing is still 30 November in UTC', () => {
    const earlyDecember = Date.parse('2026-11-30T18:00:00.000Z');
    expect(new Date(readTimeline('本月', earlyDecember, BEIJING).deadlines[0]!.at).toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(new Date(readTimeline('本月', earlyDecember, 0).deadlines[0]!.at).toISOString()).toBe('2026-11-30T23:59:59.999Z');
  });

  it('tells "not urgent" from "not decided yet"', () => {
    expect(readTimeline('不急，先了解一下', NOW_MS, BEIJING)).toMatchObject({ deadlines: [], notUrgent: '不急' });
    expect(readTimeline('no rush', NOW_MS, BEIJING).notUrgent).toBe('no rush');
    expect(readTimeline('不紧急', NOW_MS, BEIJING)).toMatchObject({ deadlines: [], notUrgent: '不紧急' });
    expect(readTimeline('not urgent', NOW_MS, BEIJING)).toMatchObject({ deadlines: [], notUrgent: 'not urgent' });
    expect(readTimeline('TBD', NOW_MS, BEIJING)).toMatchObject({ deadlines: [], notUrgent: null, undecided: 'tbd' });
    expect(readTimeline('待定', NOW_MS, BEIJING).undecided).toBe('待定');
  });

  it('does not take a negated time or a verb for a deadline', () => {
    expect(deadline('not this month')).toBeNull();
    expect(deadline('we may decide after the audit')).toBeNull();
    expect(deadline('marketing team is evaluating')).toBeNull();
    expect(deadline('2 years ago they tried a competitor')).toBeNull();
    expect(deadline('whenever')).toBeNull();
  });

  it('finds only urgency phrases in follow-up records, not the rep’s own plans', () => {
    const signals = (text: string) => readUrgencySignals(text, NOW_MS, BEIJING).map((s) => s.phrase);
    expect(signals('客户希望尽快上线')).toEqual(['尽快']);
    expect(signals('They want it live this month')).toEqual(['this month']);
    expect(signals('需要一个月内交付')).toEqual(['一个月内']);
    expect(signals('Met today; will call again next week and send the quote next month')).toEqual([]);
    expect(signals('他们说不着急')).toEqual([]);
  });
});
