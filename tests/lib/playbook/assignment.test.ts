import { describe, expect, it } from 'vitest';
import { matchingRule, pickAssignee, ruleMatches } from '../../../lib/playbook/assignment';
import type { AssignmentRule } from '../../../lib/schema';

const rule = (fields: Partial<AssignmentRule>): AssignmentRule => ({ tiers: [], regions: [], industries: [], assignees: ['u1'], ...fields });
const lead = (fields: Partial<{ tier: 'S' | 'A' | 'B' | 'C' | null; region: string | null; industry: string | null }>) => ({ tier: null, region: null, industry: null, ...fields });

describe('assignment rules', () => {
  it('a rule without conditions takes every lead', () => {
    expect(ruleMatches(rule({}), lead({}))).toBe(true);
  });

  it('regions match a word of the lead region, in any case, Chinese and English', () => {
    const south = rule({ regions: ['广东', 'au'] });
    expect(ruleMatches(south, lead({ region: '广东 深圳' }))).toBe(true);
    expect(ruleMatches(south, lead({ region: 'NSW, AU' }))).toBe(true);
    expect(ruleMatches(rule({ regions: ['深圳'] }), lead({ region: '广东 深圳' }))).toBe(true);
    expect(ruleMatches(south, lead({ region: 'Austin, US' }))).toBe(false);
    expect(ruleMatches(south, lead({ region: null }))).toBe(false);
    expect(ruleMatches(rule({ regions: ['New South Wales, AU'] }), lead({ region: 'new south wales, au' }))).toBe(true);
  });

  it('every condition must hold; an unscored lead never matches a tier rule', () => {
    const sSoftware = rule({ tiers: ['S'], industries: ['software'] });
    expect(ruleMatches(sSoftware, lead({ tier: 'S', industry: 'software' }))).toBe(true);
    expect(ruleMatches(sSoftware, lead({ tier: 'S', industry: 'retail' }))).toBe(false);
    expect(ruleMatches(sSoftware, lead({ tier: null, industry: 'software' }))).toBe(false);
  });

  it('the first matching rule wins', () => {
    const rules = [rule({ tiers: ['S'], assignees: ['manager'] }), rule({ assignees: ['junior'] })];
    expect(matchingRule({ appliesTo: 'unowned', rules }, lead({ tier: 'S' }))?.assignees).toEqual(['manager']);
    expect(matchingRule({ appliesTo: 'unowned', rules }, lead({ tier: 'B' }))?.assignees).toEqual(['junior']);
    expect(matchingRule({ appliesTo: 'unowned', rules: [] }, lead({ tier: 'B' }))).toBeNull();
  });

  it('picks the assignee with the fewest open leads, the first listed on a tie, and skips people who left', () => {
    const spread = rule({ assignees: ['ann', 'ben', 'cai'] });
    const everyone = new Set(['ann', 'ben', 'cai']);
    expect(pickAssignee(spread, new Map(), everyone)).toBe('ann');
    expect(pickAssignee(spread, new Map([['ann', 3], ['ben', 1], ['cai', 1]]), everyone)).toBe('ben');
    expect(pickAssignee(spread, new Map([['ann', 3]]), new Set(['ann', 'cai']))).toBe('cai');
    expect(pickAssignee(spread, new Map(), new Set())).toBeNull();
  });
});
