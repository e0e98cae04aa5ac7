import { badgeOf, TIER_COLOURS } from '@/lib/badge';

const now = new Date('2026-11-23T10:00:00Z');
const lead = (tier: 'S' | 'A' | 'B' | 'C' | null, nextFollowUpAt: string | null = null, stage: 'initial_contact' | 'won' = 'initial_contact') => ({ tier, nextFollowUpAt, stage });

describe('the toolbar badge of a site', () => {
  it('shows the tier letter in the tier colour', () => {
    expect(badgeOf(lead('S'), now)).toEqual({ text: 'S', color: TIER_COLOURS.S });
    expect(badgeOf(lead('C'), now)).toEqual({ text: 'C', color: TIER_COLOURS.C });
  });

  it('marks an overdue follow-up, and only an overdue one', () => {
    expect(badgeOf(lead('A', '2026-11-23T09:59:00Z'), now)?.text).toBe('A!');
    expect(badgeOf(lead('A', '2026-11-23T10:01:00Z'), now)?.text).toBe('A');
  });

  it('a closed deal has no follow-up to be late for', () => {
    expect(badgeOf(lead('S', '2026-11-01T00:00:00Z', 'won'), now)?.text).toBe('S');
  });

  it('a site without a lead, or an unscored lead with nothing due, leaves the icon plain', () => {
    expect(badgeOf(undefined, now)).toBeNull();
    expect(badgeOf(lead(null), now)).toBeNull();
    expect(badgeOf(lead(null, '2026-11-20T00:00:00Z'), now)?.text).toBe('!');
  });
});
