import type { Caller } from '../../server/accounts/accounts';
import { managerOnlyLeadFieldRefusal } from '../../server/sync/permissions';

const caller = (role: Caller['role']): Caller => ({ id: `${role}-1`, email: `${role}@example.com`, role, teamId: 'team-1', teamName: 'East', tokenHash: 'hash' });

describe('who may change a lead’s tier override', () => {
  it('a rep’s write that changes the override is refused with a message that says who can', () => {
    expect(managerOnlyLeadFieldRefusal(caller('rep'), ['tierOverride'])).toMatch(/only a manager or admin can set or lift a lead's tier override/);
    expect(managerOnlyLeadFieldRefusal(caller('rep'), ['needDescription', 'tierOverride'])).not.toBeNull();
  });

  it('a rep’s other edits, and a manager’s or admin’s override, go ahead', () => {
    expect(managerOnlyLeadFieldRefusal(caller('rep'), ['needDescription', 'tier'])).toBeNull();
    expect(managerOnlyLeadFieldRefusal(caller('manager'), ['tierOverride'])).toBeNull();
    expect(managerOnlyLeadFieldRefusal(caller('admin'), ['tierOverride'])).toBeNull();
  });
});
