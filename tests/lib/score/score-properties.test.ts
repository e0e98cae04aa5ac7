import fc from 'fast-check';
import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { LeadScore, scoreLead, tierForTotal, tierRank, type Grade } from '@/lib/score';
import { NOW, makeActivity, makeContact, makeLead } from './records';

/** Timelines from the most urgent to the least, as read on 23 Nov 2026. */
const TIMELINES = ['本月', 'ASAP', 'next month', 'within 3 months', 'Q1 2027', 'Q3 2027', '明年', 'no rush'];
const ROLES = ['decision_maker', 'influencer', 'procurement', 'user', 'gatekeeper', 'unknown'] as const;
const SAID = ['客户希望尽快上线', 'They need it this month', 'Discussed the pilot scope', '需要一个月内交付', 'Sent a brochure'];

const money = (max: number) => fc.option(fc.record({ amount: fc.integer({ min: 0, max }), currency: fc.constant('CNY') }), { nil: null });

const facts = fc.record({
  employees: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  revenue: money(5_000_000_000),
  registeredCapital: money(500_000_000),
  ceiling: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  timeline: fc.option(fc.integer({ min: 0, max: TIMELINES.length - 1 }), { nil: null }),
  roles: fc.array(fc.constantFrom(...ROLES), { maxLength: 4 }),
  said: fc.array(fc.constantFrom(...SAID), { maxLength: 3 }),
  needDescription: fc.option(fc.constant('AGV fleet'), { nil: null }),
});
type Facts = typeof facts extends fc.Arbitrary<infer T> ? T : never;

/** One better fact: a bigger company, a bigger budget, a nearer decision, one more person or record. */
const improvement = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => (f: Facts): Facts => ({ ...f, employees: (f.employees ?? 0) + n })),
  fc.integer({ min: 1, max: 1e9 }).map((n) => (f: Facts): Facts => ({ ...f, revenue: { amount: (f.revenue?.amount ?? 0) + n, currency: 'CNY' } })),
  fc.integer({ min: 1, max: 1e8 }).map((n) => (f: Facts): Facts => ({ ...f, registeredCapital: { amount: (f.registeredCapital?.amount ?? 0) + n, currency: 'CNY' } })),
  fc.integer({ min: 1, max: 500_000 }).map((n) => (f: Facts): Facts => ({ ...f, ceiling: (f.ceiling ?? 0) + n })),
  fc.nat().map((n) => (f: Facts): Facts => ({ ...f, timeline: f.timeline === null ? n % TIMELINES.length : n % (f.timeline + 1) })),
  fc.constantFrom(...ROLES).map((role) => (f: Facts): Facts => ({ ...f, roles: [...f.roles, role] })),
  fc.constantFrom(...SAID).map((said) => (f: Facts): Facts => ({ ...f, said: [...f.said, said] })),
);

const weights = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
  .map(([a, b, c]) => ({ scale: a, budget: b - a, urgency: c - b, decisionChain: 100 - c }));
const thresholds = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 })
  .map((t) => t.sort((x, y) => y - x))
  .map(([S, A, B]) => ({ S: S!, A: A!, B: B! }));
const settings = fc.record({ weights, thresholds }).map((s) => TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, ...s }));

function build(f: Facts) {
  const lead = makeLead({
    employees: f.employees,
    revenue: f.revenue,
    budget: f.ceiling === null ? null : { max: f.ceiling, currency: 'CNY' },
    decisionTimeline: f.timeline === null ? null : TIMELINES[f.timeline]!,
    needDescription: f.needDescription,
    ...({ registeredCapital: f.registeredCapital } as Partial<Lead>),
  });
  const contacts = f.roles.map((role, i) => makeContact(lead, `P${i}`, role));
  const activities = f.said.map((said) => makeActivity(lead, NOW, said));
  return { lead, contacts, activities };
}

const score = (f: Facts, teamSettings: TeamSettings) => scoreLead(build(f), teamSettings, NOW);

const gradeRank = (g: Grade) => ({ A: 2, B: 1, C: 0 })[g];

describe('scoring properties', () => {
  it('a better fact never lowers a score, a dimension, the tier or the grades', () => {
    fc.assert(
      fc.property(facts, improvement, settings, (base, improve, teamSettings) => {
        const before = score(base, teamSettings);
        const after = score(improve(base), teamSettings);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        after.dimensions.forEach((d, i) => expect(d.points).toBeGreaterThanOrEqual(before.dimensions[i]!.points));
        expect(tierRank(after.tier)).toBeGreaterThanOrEqual(tierRank(before.tier));
        expect(gradeRank(after.intentGrade)).toBeGreaterThanOrEqual(gradeRank(before.intentGrade));
        expect(gradeRank(after.potential)).toBeGreaterThanOrEqual(gradeRank(before.potential));
      }),
      { numRuns: 300 },
    );
  });

  it('the tier never drops as the total rises', () => {
    fc.assert(
      fc.property(thresholds, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(tierRank(tierForTotal(low, t))).toBeLessThanOrEqual(tierRank(tierForTotal(high, t)));
      }),
    );
  });

  it('the total is the sum of the points, within 100, and the score is always a valid record', () => {
    fc.assert(
      fc.property(facts, settings, (f, teamSettings) => {
        const input = build(f);
        const result = scoreLead(input, teamSettings, NOW);
        expect(result.total).toBe(result.dimensions.reduce((sum, d) => sum + d.points, 0));
        expect(result.total).toBeLessThanOrEqual(100);
        expect(result.tier).toBe(tierForTotal(result.total, teamSettings.thresholds));
        expect(LeadScore.safeParse(result).success).toBe(true);
        expect(scoreLead(input, teamSettings, NOW)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on whatever the rep typed or a page said', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 80 }), fc.stringMatching(/^[A-Z]{3}$/), (timeline, said, currency) => {
        const lead = makeLead({ decisionTimeline: timeline, budget: { max: 1000, currency }, revenue: { amount: 5, currency } });
        const result = scoreLead({ lead, contacts: [], activities: [makeActivity(lead, NOW, said)] }, DEFAULT_TEAM_SETTINGS, NOW);
        expect(LeadScore.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
