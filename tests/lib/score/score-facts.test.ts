import fc from 'fast-check';
import { DEFAULT_TEAM_SETTINGS, TeamSettings, type Lead } from '@/lib/schema';
import { scoreLead } from '@/lib/score';
import { scoreFactsOf, scoreTotalOf } from '@/lib/score/score-facts';
import { NOW, NOW_MS, makeActivity, makeContact, makeLead } from './records';

const TIMELINES = ['本月', 'ASAP', 'next month', 'within 3 months', 'Q1 2027', '明年', 'no rush', 'not decided'];
const ROLES = ['decision_maker', 'influencer', 'procurement', 'user', 'gatekeeper', 'unknown'] as const;
const SAID = ['客户希望尽快上线', 'They need it this month', 'Discussed the pilot scope', '需要一个月内交付', ''];
const DAY = 86_400_000;

const money = (max: number, currencies = ['CNY', 'USD', 'XYZ']) =>
  fc.option(fc.record({ amount: fc.integer({ min: 0, max }), currency: fc.constantFrom(...currencies) }), { nil: null });
const iso = (offsetDays: number) => new Date(NOW_MS - offsetDays * DAY).toISOString();

/** A lead with any mix of facts, contacts (some deleted or of another lead) and follow-ups said at various times. */
const records = fc
  .record({
    employees: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    sizeBand: fc.option(fc.constantFrom('micro', 'small', 'medium', 'large', 'enterprise'), { nil: null }),
    revenue: money(5_000_000_000),
    registeredCapital: money(500_000_000),
    ceiling: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    timeline: fc.option(fc.constantFrom(...TIMELINES), { nil: null }),
    writtenDaysAgo: fc.integer({ min: 0, max: 90 }),
    contacts: fc.array(fc.record({ role: fc.constantFrom(...ROLES), deleted: fc.boolean(), elsewhere: fc.boolean() }), { maxLength: 4 }),
    said: fc.array(fc.record({ text: fc.constantFrom(...SAID), daysAgo: fc.integer({ min: 0, max: 60 }), deleted: fc.boolean(), inBant: fc.boolean() }), { maxLength: 3 }),
  })
  .map((f) => {
    const lead = makeLead(
      {
        employees: f.employees,
        revenue: f.revenue,
        budget: f.ceiling === null ? null : { max: f.ceiling, currency: 'CNY' },
        decisionTimeline: f.timeline,
        ...({ sizeBand: f.sizeBand, registeredCapital: f.registeredCapital } as Partial<Lead>),
      },
      iso(f.writtenDaysAgo),
    );
    const other = makeLead();
    const contacts = f.contacts.map((c, i) => makeContact(c.elsewhere ? other : lead, `P${i}`, c.role, c.deleted ? { deletedAt: NOW } : {}));
    const activities = f.said.map((s) =>
      makeActivity(lead, iso(s.daysAgo), s.inBant ? 'Call' : s.text, {
        ...(s.deleted ? { deletedAt: NOW } : {}),
        ...(s.inBant ? { bant: { background: null, painPoints: s.text || null, needs: null, value: null } } : {}),
      }),
    );
    return { lead, contacts, activities };
  });

const weights = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map((t) => t.sort((x, y) => x - y))
  .map(([a, b, c]) => ({ scale: a!, budget: b! - a!, urgency: c! - b!, decisionChain: 100 - c! }));
const thresholds = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 })
  .map((t) => t.sort((x, y) => y - x))
  .map(([S, A, B]) => ({ S: S!, A: A!, B: B! }));
const settings = fc
  .record({ weights, thresholds, dealSize: fc.integer({ min: 10_000, max: 2_000_000 }), utcOffsetMinutes: fc.constantFrom(480, 0, -300) })
  .map((s) => TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, ...s }));

describe('score facts: what a re-score reads instead of the lead, its contacts and its activities', () => {
  it('give the total and tier that scoring the lead from its records gives, for any records, settings and time', () => {
    fc.assert(
      fc.property(records, settings, fc.integer({ min: 0, max: 120 }), ({ lead, contacts, activities }, teamSettings, laterDays) => {
        const now = new Date(NOW_MS + laterDays * DAY).toISOString();
        const full = scoreLead({ lead, contacts, activities }, teamSettings, now);
        // Stored and read back as IndexedDB would (a structured clone keeps no functions or prototypes).
        const facts = structuredClone(scoreFactsOf(lead, contacts, activities));
        expect(scoreTotalOf(facts, teamSettings, now)).toEqual({ total: full.total, tier: full.tier });
      }),
      { numRuns: 400 },
    );
  });

  it('keep only what the score reads: live contacts’ roles and what live follow-ups said', () => {
    const lead = makeLead({ employees: 300, decisionTimeline: '本月' });
    const facts = scoreFactsOf(
      lead,
      [makeContact(lead, 'Wang', 'decision_maker'), makeContact(lead, 'Li', 'user', { deletedAt: NOW }), makeContact(makeLead(), 'Zhao', 'influencer')],
      [makeActivity(lead, NOW, '客户希望尽快上线'), makeActivity(lead, NOW, 'Old note', { deletedAt: NOW }), makeActivity(lead, NOW, '')],
    );
    expect(facts.roles).toEqual(['decision_maker']);
    expect(facts.said).toEqual([{ at: NOW, text: '客户希望尽快上线' }]);
    expect(facts.lead).toMatchObject({ id: lead.id, employees: 300, decisionTimeline: '本月', versions: { decisionTimeline: lead.versions.decisionTimeline } });
    expect(Object.keys(facts.lead)).not.toContain('name');
  });
});
