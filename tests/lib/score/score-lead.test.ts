import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { LeadScore, scoreLead, tierForTotal, type DimensionScore } from '@/lib/score';
import { NOW, cny, makeActivity, makeContact, makeLead } from './records';

const settings = DEFAULT_TEAM_SETTINGS;
const points = (score: LeadScore) => score.dimensions.map((d) => d.points);
const dimension = (score: LeadScore, key: DimensionScore['key']) => score.dimensions.find((d) => d.key === key)!;

function leadWithChain(facts: Partial<Lead>, roles: Array<Parameters<typeof makeContact>[2]>) {
  const lead = makeLead(facts);
  return { lead, contacts: roles.map((role, i) => makeContact(lead, `Contact ${i}`, role)), activities: [] };
}

describe('scoring a lead on the playbook’s 100 points', () => {
  it('scores the playbook’s S example: 90 (25/25/20/20)', () => {
    const input = leadWithChain(
      { employees: 600, budget: cny(150_000, 180_000), decisionTimeline: '本月', needDescription: '高可用服务器', painPoints: '每月宕机5次' },
      ['decision_maker', 'influencer', 'procurement'],
    );
    const score = scoreLead(input, settings, NOW);
    expect(points(score)).toEqual([25, 25, 20, 20]);
    expect(score.total).toBe(90);
    expect(score.tier).toBe('S');
    expect(LeadScore.safeParse(score).success).toBe(true);
  });

  it('scores the playbook’s A example: 75 (20/25/15/15)', () => {
    const input = leadWithChain({ employees: 300, budget: cny(undefined, 170_000), decisionTimeline: 'next month' }, ['decision_maker', 'user']);
    const score = scoreLead(input, settings, NOW);
    expect(points(score)).toEqual([20, 25, 15, 15]);
    expect(score.total).toBe(75);
    expect(score.tier).toBe('A');
  });

  it('scores the playbook’s C example: 35 (10/10/10/5)', () => {
    const input = leadWithChain({ employees: 20, budget: cny(50_000, undefined), decisionTimeline: '半年内' }, ['influencer']);
    const score = scoreLead(input, settings, NOW);
    expect(points(score)).toEqual([10, 10, 10, 5]);
    expect(score.total).toBe(35);
    expect(score.tier).toBe('C');
  });

  it.each([
    [39, 'C'], [40, 'B'], [59, 'B'], [60, 'A'], [79, 'A'], [80, 'S'], [0, 'C'], [100, 'S'],
  ] as const)('puts a total of %i in tier %s', (total, tier) => {
    expect(tierForTotal(total, settings.thresholds)).toBe(tier);
  });

  it('uses the team’s weights: a 1000-person company alone is 39 (C) or 40 (B) depending on the scale weight', () => {
    const lead = makeLead({ employees: 1000 });
    const weighted = (scale: number) => TeamSettings.parse({ ...settings, weights: { scale, budget: 60 - scale, urgency: 20, decisionChain: 20 } });
    expect(scoreLead({ lead, contacts: [], activities: [] }, weighted(39), NOW)).toMatchObject({ total: 39, tier: 'C' });
    expect(scoreLead({ lead, contacts: [], activities: [] }, weighted(40), NOW)).toMatchObject({ total: 40, tier: 'B' });
  });

  it('uses the team’s thresholds', () => {
    const input = leadWithChain({ employees: 600, budget: cny(undefined, 180_000), decisionTimeline: '本月' }, ['decision_maker', 'influencer', 'procurement']);
    const strict = TeamSettings.parse({ ...settings, thresholds: { S: 95, A: 85, B: 50 } });
    expect(scoreLead(input, strict, NOW).tier).toBe('A');
  });

  it('scores a lead with no facts as C and asks for every missing fact, heaviest first', () => {
    const score = scoreLead({ lead: makeLead(), contacts: [], activities: [] }, settings, NOW);
    expect(score.total).toBe(0);
    expect(score.tier).toBe('C');
    expect(score.dimensions.every((d) => d.unknown && d.points === 0)).toBe(true);
    expect(score.askNext).toEqual(['employees', 'revenue', 'budget', 'decisionTimeline', 'decisionMaker', 'needs']);
    expect(score.intentGrade).toBe('C');
    expect(score.potential).toBe('C');
    expect(score.valueLevel).toBeNull();
    expect(score.screening.status).toBe('incomplete');
  });

  it('asks about the decision maker even when others in the chain are known', () => {
    const score = scoreLead(leadWithChain({}, ['influencer', 'procurement']), settings, NOW);
    expect(dimension(score, 'decisionChain')).toMatchObject({ points: 10, unknown: false });
    expect(score.askNext).toContain('decisionMaker');
  });

  it('explains each dimension with the facts behind it, as keys and params for the UI', () => {
    const input = leadWithChain({ employees: 600, budget: cny(150_000, 180_000), decisionTimeline: '本月' }, ['decision_maker']);
    const score = scoreLead(input, settings, NOW);
    expect(dimension(score, 'scale').evidence).toEqual([{ key: 'employees', params: { count: 600 } }]);
    expect(dimension(score, 'budget').evidence).toEqual([
      { key: 'budget', params: { min: 150_000, max: 180_000, currency: 'CNY' } },
      { key: 'budgetFit', params: { percent: 90, dealSize: 200_000, currency: 'CNY' } },
    ]);
    expect(dimension(score, 'urgency').evidence).toEqual([{ key: 'decisionTimeline', params: { text: '本月', days: 8 } }]);
    expect(dimension(score, 'decisionChain').evidence).toEqual([{ key: 'contactRole', params: { name: 'Contact 0', role: 'decision_maker' } }]);
  });

  it('says whether a fact was typed by the rep or read from a page', () => {
    const lead = { ...makeLead({ employees: 600 }), origins: { employees: { by: 'capture', source: 'json-ld', confidence: 0.9, url: null } } } as Lead;
    expect(dimension(scoreLead({ lead, contacts: [], activities: [] }, settings, NOW), 'scale').evidence[0]!.params).toEqual({ count: 600, origin: 'capture' });
  });

  it('takes the strongest of employees, size band, revenue and registered capital', () => {
    const scale = (facts: Record<string, unknown>) => dimension(scoreLead({ lead: makeLead(facts as Partial<Lead>), contacts: [], activities: [] }, settings, NOW), 'scale');
    expect(scale({ employees: 30, revenue: { amount: 500_000_000, currency: 'CNY' } }).points).toBe(25);
    expect(scale({ sizeBand: 'enterprise' })).toMatchObject({ points: 30, evidence: [{ key: 'sizeBand', params: { band: 'enterprise' } }] });
    expect(scale({ employees: 5, sizeBand: 'enterprise' }).points).toBe(5);
    expect(scale({ registeredCapital: { amount: 50_000_000, currency: 'CNY' } })).toMatchObject({ points: 20, unknown: false });
    expect(scale({ registeredCapital: { amount: 1e12, currency: 'CNY' } }).points).toBe(25);
  });

  it('compares money only in the team’s currency or through the team’s fixed rates', () => {
    const lead = makeLead({ revenue: { amount: 20_000_000, currency: 'USD' }, budget: { max: 30_000, currency: 'USD' } });
    const plain = scoreLead({ lead, contacts: [], activities: [] }, settings, NOW);
    expect(dimension(plain, 'scale')).toMatchObject({ unknown: true, evidence: [{ key: 'currencyNotComparable', params: { fact: 'revenue', currency: 'USD', teamCurrency: 'CNY' } }] });
    expect(dimension(plain, 'budget').unknown).toBe(true);
    expect(plain.askNext).not.toContain('budget');
    expect(plain.askNext).toContain('employees');
    expect(plain.askNext).not.toContain('revenue');

    const withRates = TeamSettings.parse({ ...settings, exchangeRates: { USD: 7 } });
    const converted = scoreLead({ lead, contacts: [], activities: [] }, withRates, NOW);
    expect(dimension(converted, 'scale')).toMatchObject({ points: 20, evidence: [{ key: 'revenue', params: { amount: 20_000_000, currency: 'USD', teamAmount: 140_000_000 } }] });
    expect(dimension(converted, 'budget')).toMatchObject({ points: 30, unknown: false });
  });

  it('measures budget fit by the budget ceiling against the team’s deal size', () => {
    const budget = (range: Lead['budget']) => dimension(scoreLead({ lead: makeLead({ budget: range }), contacts: [], activities: [] }, settings, NOW), 'budget').points;
    expect(budget(cny(undefined, 200_000))).toBe(30);
    expect(budget(cny(50_000, 250_000))).toBe(30);
    expect(budget(cny(100_000, undefined))).toBe(15);
    expect(budget(cny(0, 10_000))).toBe(0);
    expect(budget({ currency: 'CNY' })).toBe(0);
    expect(scoreLead({ lead: makeLead({ budget: { currency: 'CNY' } }), contacts: [], activities: [] }, settings, NOW).askNext).toContain('budget');
  });

  it('ignores deleted contacts and records of other leads', () => {
    const lead = makeLead();
    const other = makeLead();
    const contacts = [makeContact(lead, 'Gone', 'decision_maker', { deletedAt: NOW }), makeContact(other, 'Elsewhere', 'decision_maker')];
    const activities = [makeActivity(other, NOW, '客户希望尽快上线')];
    const score = scoreLead({ lead, contacts, activities }, settings, NOW);
    expect(dimension(score, 'decisionChain').unknown).toBe(true);
    expect(dimension(score, 'urgency').unknown).toBe(true);
  });

  it('is a pure function: the same lead, records, settings and time give the same score', () => {
    const input = leadWithChain({ employees: 300, budget: cny(undefined, 170_000), decisionTimeline: 'next month' }, ['decision_maker']);
    const frozen = structuredClone(input);
    expect(scoreLead(input, settings, NOW)).toEqual(scoreLead(input, settings, NOW));
    expect(input).toEqual(frozen);
  });

  it('reads time against the lead’s last update when no time is given', () => {
    const lead = makeLead({ decisionTimeline: '本月' }, '2026-11-20T02:00:00.000Z');
    const score = scoreLead({ lead, contacts: [], activities: [] }, settings);
    expect(score.scoredAt).toBe('2026-11-20T02:00:00.000Z');
    expect(dimension(score, 'urgency').points).toBe(20);
  });

  it('re-scores differently when the lead, its contacts or its activities change', () => {
    const lead = makeLead({ employees: 300 });
    const before = scoreLead({ lead, contacts: [], activities: [] }, settings, NOW).total;
    expect(scoreLead({ lead: { ...lead, employees: 1200 }, contacts: [], activities: [] }, settings, NOW).total).toBeGreaterThan(before);
    expect(scoreLead({ lead, contacts: [makeContact(lead, '王总', 'decision_maker')], activities: [] }, settings, NOW).total).toBeGreaterThan(before);
    expect(scoreLead({ lead, contacts: [], activities: [makeActivity(lead, NOW, 'They need it ASAP')] }, settings, NOW).total).toBeGreaterThan(before);
  });
});
