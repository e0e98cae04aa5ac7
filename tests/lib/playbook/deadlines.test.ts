import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '@/lib/schema';
import { nextFollowUp, phaseOverdue, responseDeadline } from '@/lib/playbook';

const settings = DEFAULT_TEAM_SETTINGS;
const ASSIGNED = '2026-11-23T02:00:00.000Z';

describe('response deadline (分配时限)', () => {
  it.each([
    ['S', '2026-11-23T04:00:00.000Z'],
    ['A', '2026-11-23T04:00:00.000Z'],
    ['B', '2026-11-23T06:00:00.000Z'],
    ['C', '2026-11-24T02:00:00.000Z'],
  ] as const)('gives a %s lead until %s for its first contact', (tier, deadline) => {
    expect(responseDeadline(tier, ASSIGNED, settings)).toBe(deadline);
  });

  it('follows the team’s own response hours', () => {
    const team = TeamSettings.parse({ ...settings, responseHours: { S: 1, A: 3, B: 8, C: 48 } });
    expect(responseDeadline('S', ASSIGNED, team)).toBe('2026-11-23T03:00:00.000Z');
    expect(responseDeadline('C', ASSIGNED, team)).toBe('2026-11-25T02:00:00.000Z');
  });

  it('returns an unreadable time as given rather than throwing', () => {
    expect(responseDeadline('S', 'not a time', settings)).toBe('not a time');
  });
});

describe('next follow-up (跟进频率)', () => {
  const touched = '2026-11-24T09:30:00.000Z';

  it('is the response deadline before the first touch', () => {
    expect(nextFollowUp({ tier: 'B', assignedAt: ASSIGNED, lastTouchAt: null }, settings)).toEqual({ dueAt: '2026-11-23T06:00:00.000Z', basis: 'first_response' });
  });

  it.each([
    ['S', '2026-11-25T09:30:00.000Z'],
    ['A', '2026-11-26T09:30:00.000Z'],
    ['B', '2026-12-01T09:30:00.000Z'],
    ['C', '2026-12-01T09:30:00.000Z'],
  ] as const)('follows a %s lead up on %s after a touch (daily, every 2 days, weekly)', (tier, due) => {
    expect(nextFollowUp({ tier, assignedAt: ASSIGNED, lastTouchAt: touched }, settings)).toEqual({ dueAt: due, basis: 'cadence' });
  });

  it('takes a date agreed with the customer when it comes sooner than the cadence', () => {
    expect(nextFollowUp({ tier: 'C', assignedAt: ASSIGNED, lastTouchAt: touched, agreedAt: '2026-11-27T02:00:00.000Z' }, settings)).toEqual({ dueAt: '2026-11-27T02:00:00.000Z', basis: 'agreed' });
    expect(nextFollowUp({ tier: 'S', assignedAt: ASSIGNED, lastTouchAt: touched, agreedAt: '2026-11-27T02:00:00.000Z' }, settings).basis).toBe('cadence');
  });
});

describe('phase limits', () => {
  const entered = '2026-11-20T02:00:00.000Z';

  it('lets an S lead stay in initial contact at most 3 days', () => {
    const onTime = phaseOverdue({ tier: 'S', stage: 'initial_contact', enteredAt: entered }, '2026-11-23T02:00:00.000Z', settings);
    expect(onTime).toEqual({ limitDays: 3, deadline: '2026-11-23T02:00:00.000Z', overdue: false });
    expect(phaseOverdue({ tier: 'S', stage: 'initial_contact', enteredAt: entered }, '2026-11-23T02:00:00.001Z', settings).overdue).toBe(true);
  });

  it('lets a C lead stay at most 7 days, and sets no limit the playbook does not give', () => {
    expect(phaseOverdue({ tier: 'C', stage: 'initial_contact', enteredAt: entered }, '2026-11-26T02:00:00.000Z', settings).overdue).toBe(false);
    expect(phaseOverdue({ tier: 'C', stage: 'initial_contact', enteredAt: entered }, '2026-11-27T03:00:00.000Z', settings).overdue).toBe(true);
    expect(phaseOverdue({ tier: 'A', stage: 'initial_contact', enteredAt: entered }, '2027-01-01T00:00:00.000Z', settings)).toEqual({ limitDays: null, deadline: null, overdue: false });
    expect(phaseOverdue({ tier: 'S', stage: 'negotiation', enteredAt: entered }, '2027-01-01T00:00:00.000Z', settings).overdue).toBe(false);
  });

  it('follows limits the team adds for other stages', () => {
    const team = TeamSettings.parse({ ...settings, phaseLimitDays: { ...settings.phaseLimitDays, negotiation: { S: 14, A: 21, B: null, C: null } } });
    expect(phaseOverdue({ tier: 'A', stage: 'negotiation', enteredAt: entered }, '2026-12-12T02:00:00.000Z', team)).toEqual({ limitDays: 21, deadline: '2026-12-11T02:00:00.000Z', overdue: true });
  });
});
