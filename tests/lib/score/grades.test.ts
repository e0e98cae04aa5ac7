import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { scoreLead } from '@/lib/score';
import { NOW, cny, makeActivity, makeContact, makeLead } from './records';

const settings = DEFAULT_TEAM_SETTINGS;
const scoreOf = (facts: Partial<Lead> & Record<string, unknown>, build: { roles?: Array<Parameters<typeof makeContact>[2]>; said?: string[] } = {}) => {
  const lead = makeLead(facts as Partial<Lead>);
  const contacts = (build.roles ?? []).map((role, i) => makeContact(lead, `Contact ${i}`, role));
  const activities = (build.said ?? []).map((summary) => makeActivity(lead, NOW, summary));
  return scoreLead({ lead, contacts, activities }, settings, NOW);
};

describe('intent grade (意向等级)', () => {
  it('is A for the playbook’s example: buying within a month, budget 200k, the procurement director decides', () => {
    const score = scoreOf({ needDescription: 'AGV fleet for the new plant', decisionTimeline: 'within a month', budget: cny(undefined, 200_000) }, { roles: ['decision_maker'] });
    expect(score.intentGrade).toBe('A');
  });

  it('is B for a need without details and an unconfirmed budget', () => {
    expect(scoreOf({ needDescription: 'interested in automation' }).intentGrade).toBe('B');
    expect(scoreOf({ needDescription: 'AGVs', decisionTimeline: '本月' }, { roles: ['decision_maker'] }).intentGrade).toBe('B');
  });

  it('is C when the customer is only collecting information', () => {
    expect(scoreOf({ decisionTimeline: '先了解一下' }).intentGrade).toBe('C');
    expect(scoreOf({}).intentGrade).toBe('C');
  });
});

describe('value level (价值等级)', () => {
  it('is high above 500k of purchases a year, medium above 100k, else low', () => {
    expect(scoreOf({ annualPurchases: { amount: 500_001, currency: 'CNY' } }).valueLevel).toBe('high');
    expect(scoreOf({ annualPurchases: { amount: 500_000, currency: 'CNY' } }).valueLevel).toBe('medium');
    expect(scoreOf({ annualPurchases: { amount: 100_000, currency: 'CNY' } }).valueLevel).toBe('low');
  });

  it('falls back on the rep’s own judgement, and is unknown without either', () => {
    expect(scoreOf({ valueLevel: 'medium' }).valueLevel).toBe('medium');
    expect(scoreOf({ valueLevel: 'low', annualPurchases: { amount: 900_000, currency: 'CNY' } }).valueLevel).toBe('high');
    expect(scoreOf({ annualPurchases: { amount: 900_000, currency: 'EUR' } }).valueLevel).toBeNull();
  });
});

describe('potential (潜力评级)', () => {
  it('is A with a clear need and a budget that fits, C with neither', () => {
    expect(scoreOf({ needDescription: 'HA servers', painPoints: 'down 5 times a month', budget: cny(undefined, 150_000) }).potential).toBe('A');
    expect(scoreOf({ needDescription: 'HA servers', budget: cny(undefined, 150_000) }).potential).toBe('B');
    expect(scoreOf({ needDescription: 'HA servers' }).potential).toBe('C');
    expect(scoreOf({}).potential).toBe('C');
  });

  it('hears the need in follow-up records and in the keywords a web visit left', () => {
    const score = scoreOf({}, { said: [] });
    expect(score.needClarity).toBe('none');
    const lead = makeLead({ source: { kind: 'website', pageUrl: 'https://acme.example/agv', needKeywords: ['AGV'] } });
    const activities = [makeActivity(lead, NOW, 'Call', { bant: { background: null, painPoints: 'manual picking is slow', needs: null, value: null } })];
    expect(scoreLead({ lead, contacts: [], activities }, settings, NOW).needClarity).toBe('clear');
  });
});

describe('screening (筛选标准)', () => {
  it('passes a lead that meets every criterion', () => {
    const score = scoreOf({ employees: 80, painPoints: '人工成本太高', budget: cny(100_000, 300_000) });
    expect(score.screening).toMatchObject({ status: 'pass', pass: true });
    expect(score.screening.checks).toEqual([
      { criterion: 'minEmployees', result: 'met', params: { employees: 80, min: 50 } },
      { criterion: 'keywords', result: 'met', params: { found: '成本', keywords: 'efficiency, cost, 效率, 成本, 降本, 提效' } },
      { criterion: 'minBudget', result: 'met', params: { budget: '300000 CNY', min: '100000 CNY' } },
    ]);
  });

  it('flags a lead that fails one, and keeps missing facts apart from failures', () => {
    const small = scoreOf({ employees: 12, needDescription: 'Better cost control' });
    expect(small.screening).toMatchObject({ status: 'fail', pass: false });
    expect(small.screening.checks.map((c) => c.result)).toEqual(['failed', 'met', 'unknown']);
    const unknown = scoreOf({ employees: 200 });
    expect(unknown.screening.status).toBe('incomplete');
    expect(scoreOf({ employees: 200, needDescription: 'nicer dashboards', budget: cny(undefined, 500_000) }).screening.checks[1]).toMatchObject({ criterion: 'keywords', result: 'failed' });
  });

  it('finds the keywords in what the follow-ups recorded', () => {
    const lead = makeLead({ employees: 80, budget: cny(100_000, 300_000) });
    const before = scoreLead({ lead, contacts: [], activities: [] }, settings, NOW);
    expect(before.screening.status).toBe('incomplete');
    const call = makeActivity(lead, NOW, 'Call', { bant: { background: null, painPoints: '人工成本太高', needs: null, value: null } });
    expect(scoreLead({ lead, contacts: [], activities: [call] }, settings, NOW).screening).toMatchObject({ status: 'pass', pass: true });
  });

  it('checks only the criteria the team set', () => {
    const lenient = TeamSettings.parse({ ...settings, screening: { minEmployees: null, keywords: [], minBudget: null } });
    const score = scoreLead({ lead: makeLead(), contacts: [], activities: [] }, lenient, NOW);
    expect(score.screening).toEqual({ status: 'pass', pass: true, checks: [] });
  });
});
