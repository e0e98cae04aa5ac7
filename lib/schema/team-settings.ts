import { z } from 'zod';
import { Stage, Tier } from './lead';

/** The four scored dimensions of shared/domain.md §2 ("分级指标量化"). */
export const ScoreDimensionKey = z.enum(['scale', 'budget', 'urgency', 'decisionChain']);
export type ScoreDimensionKey = z.infer<typeof ScoreDimensionKey>;

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY');
const Share = z.number().min(0).max(100);
const Percent = z.number().min(0).max(100);
const perTier = <T extends z.ZodType>(value: T) => z.object({ S: value, A: value, B: value, C: value });

/**
 * A points table: a fact at or above `atLeast` earns `share` percent of the dimension's weight. Listed from the
 * highest band down; a bigger value never earns a smaller share (so a better fact never lowers a score).
 */
export const ShareBands = z
  .array(z.object({ atLeast: z.number().nonnegative(), share: Share }))
  .min(1)
  .max(20)
  .superRefine((bands, ctx) => {
    bands.forEach((band, i) => {
      const above = bands[i - 1];
      if (!above) return;
      if (band.atLeast >= above.atLeast) ctx.addIssue({ code: 'custom', path: [i, 'atLeast'], message: `bands go from the highest down: ${band.atLeast} must be below ${above.atLeast}` });
      if (band.share > above.share) ctx.addIssue({ code: 'custom', path: [i, 'share'], message: `a lower band cannot earn more: ${band.share} is above ${above.share}` });
    });
  });
export type ShareBands = z.infer<typeof ShareBands>;

/** Urgency: a decision expected within `withinDays` earns `share`; nearest band first. */
export const UrgencyBands = z
  .array(z.object({ withinDays: z.number().positive().max(3660), share: Share }))
  .min(1)
  .max(20)
  .superRefine((bands, ctx) => {
    bands.forEach((band, i) => {
      const before = bands[i - 1];
      if (!before) return;
      if (band.withinDays <= before.withinDays) ctx.addIssue({ code: 'custom', path: [i, 'withinDays'], message: `bands go from the nearest out: ${band.withinDays} must be above ${before.withinDays}` });
      if (band.share > before.share) ctx.addIssue({ code: 'custom', path: [i, 'share'], message: `a later decision cannot earn more: ${band.share} is above ${before.share}` });
    });
  });

/** A higher tier never waits longer than a lower one (S <= A <= B <= C). */
const orderedPerTier = (value: z.ZodNumber, what: string) =>
  perTier(value).superRefine((v, ctx) => {
    const order = ['S', 'A', 'B', 'C'] as const;
    order.slice(1).forEach((tier, i) => {
      const higher = order[i]!;
      if (v[tier] < v[higher]) ctx.addIssue({ code: 'custom', path: [tier], message: `${what} for ${tier} (${v[tier]}) cannot be shorter than for ${higher} (${v[higher]})` });
    });
  });

/**
 * One assignment rule (shared/domain.md §2 分配): a lead matching every non-empty condition goes to one of the
 * assignees. Regions match a word of the lead's region ("广东" matches "广东 深圳", "AU" matches "NSW, AU").
 */
export const AssignmentRule = z.object({
  tiers: z.array(Tier).max(4),
  regions: z.array(z.string().trim().min(1).max(100)).max(100),
  /** Industry ids of the fixed list (lib/enrich/industries.ts). */
  industries: z.array(z.string().trim().min(1).max(60)).max(100),
  /** Team members' user ids: the one with the fewest open leads gets the lead (ties go to the first listed). */
  assignees: z
    .array(z.string().min(1).max(64))
    .min(1, 'a rule needs at least one person to assign to')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'each person is listed once'),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

export const AssignmentSettings = z.object({
  /**
   * 'unowned': the rules place leads that reach the team without an owner (imports, clips made before signing
   * in); 'all_new': every new lead, including the ones a rep clips for themselves. The first matching rule wins.
   */
  appliesTo: z.enum(['unowned', 'all_new']),
  rules: z.array(AssignmentRule).max(50),
});
export type AssignmentSettings = z.infer<typeof AssignmentSettings>;

const TeamSettingsShape = z.object({
  schemaVersion: z.literal(1),
  /** Points per dimension out of 100 (shared/domain.md §2). */
  weights: z
    .object({ scale: z.number().int().min(0).max(100), budget: z.number().int().min(0).max(100), urgency: z.number().int().min(0).max(100), decisionChain: z.number().int().min(0).max(100) })
    .refine((w) => w.scale + w.budget + w.urgency + w.decisionChain === 100, {
      message: 'the four weights must add up to 100',
    }),
  /** Lowest total for each tier; below B is C. */
  thresholds: z
    .object({ S: z.number().int().min(1).max(100), A: z.number().int().min(1).max(100), B: z.number().int().min(1).max(100) })
    .superRefine((t, ctx) => {
      if (t.A >= t.S) ctx.addIssue({ code: 'custom', path: ['A'], message: `A (${t.A}) must be below S (${t.S})` });
      if (t.B >= t.A) ctx.addIssue({ code: 'custom', path: ['B'], message: `B (${t.B}) must be below A (${t.A})` });
    }),
  /** The team's currency: every amount in these settings is in it. */
  currency: CurrencyCode,
  /**
   * Fixed rates, units of `currency` per unit of the keyed currency ({ USD: 7.1 }). A fact in a currency with
   * no rate here is not compared: its dimension says so and scores as unknown. Rates are the team's call,
   * kept fixed on purpose so that a score does not move with the market overnight.
   */
  exchangeRates: z.record(CurrencyCode, z.number().positive()),
  /** A typical deal, in `currency`: budget fit is the customer's budget ceiling against it. */
  dealSize: z.number().positive(),
  scaleBands: z.object({ employees: ShareBands, revenue: ShareBands, registeredCapital: ShareBands }),
  /** Budget ceiling divided by the deal size. */
  budgetFitBands: ShareBands,
  urgencyBands: UrgencyBands,
  /** What knowing someone in each buying role adds to decision-chain clarity (each role counts once, capped at 100). */
  decisionRoleShares: z.object({ decision_maker: Share, influencer: Share, procurement: Share, user: Share, gatekeeper: Share }),
  /** shared/domain.md §7: value level from a year's purchases, in `currency`. */
  valueLevel: z
    .object({ highAbove: z.number().nonnegative(), mediumAbove: z.number().nonnegative() })
    .refine((v) => v.mediumAbove < v.highAbove, { path: ['mediumAbove'], message: 'medium must start below high' }),
  /** shared/domain.md §1: null or an empty list turns a criterion off. */
  screening: z.object({
    minEmployees: z.number().int().nonnegative().nullable(),
    keywords: z.array(z.string().trim().min(1).max(100)).max(100),
    minBudget: z.number().nonnegative().nullable(),
  }),
  /** Hours from creation or assignment to the first contact. */
  responseHours: orderedPerTier(z.number().positive().max(24 * 30), 'the response time'),
  /** Days between touches. */
  cadenceDays: orderedPerTier(z.number().positive().max(365), 'the cadence'),
  /** Most days a lead of each tier may stay in a stage; null is no limit. */
  phaseLimitDays: z.partialRecord(Stage, perTier(z.number().positive().max(365).nullable())),
  /** Win probability per stage, in percent, for the weighted forecast. */
  funnelProbabilities: z.record(Stage, Percent),
  /** How long before a proposed task is due its reminder fires. */
  reminderMinutesBefore: z.number().int().min(0).max(7 * 24 * 60),
  /** The team's clock for calendar phrases ("本月", "this quarter"): a fixed offset from UTC, in minutes. */
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60),
  /**
   * shared/domain.md §7: contacts' phone numbers are kept as area code + last four digits. On, the team
   * enforces it for every rep whatever their own setting; off (the default), each rep's own setting decides,
   * and that masks unless the rep turns it off.
   */
  maskContactPhones: z.boolean().default(false),
  /** Who gets new leads; settings saved before assignment existed have no rules. */
  assignment: AssignmentSettings.default({ appliesTo: 'unowned', rules: [] }),
});

/**
 * Team settings for scoring and the playbook. Branded: only `TeamSettings.parse` (or `parseTeamSettings` in
 * lib/score) makes a value of this type, so scoring never runs on settings that did not validate.
 */
export const TeamSettings = TeamSettingsShape.brand<'TeamSettings'>();
export type TeamSettings = z.infer<typeof TeamSettings>;
export type TeamSettingsInput = z.input<typeof TeamSettings>;

/**
 * Defaults, and why:
 * - weights 30/30/20/20 and thresholds 80/60/40, cadence, response hours and phase limits are shared/domain.md
 *   §2-§3 as written. The playbook gives phase limits for S (3 days) and C (7 days) only, so A and B have none.
 * - Band shares are chosen so that the default weights give whole points in fives: 100/83/67/50/33/17 percent
 *   of 30 is 30/25/20/15/10/5, and 100/75/50/25 of 20 is 20/15/10/5, as in the playbook's example rows.
 * - Employees 1000/500/200/50/10/1 and revenue ¥1bn/¥400m/¥100m/¥20m/¥3m/¥0.5m sit near China's 2011 SME
 *   classification (industry: large >= 1000 staff and ¥400m revenue, medium >= 300 and ¥20m, small >= 20 and
 *   ¥3m) and the EU's 10/50/250 staff, with a band at 50 to match the playbook's screening floor.
 * - Registered capital is what owners subscribed, not paid in (since 2014 it need not be paid up), so it is a
 *   weaker sign of scale: its best band stops at 83%.
 * - Deal size ¥200k is the playbook's example budget; budget fit is full when the ceiling covers a deal and
 *   nothing below a tenth of one.
 * - Urgency bands are a month, a quarter, half a year and a year (31/92/184/366 days cover any calendar span).
 * - Decision chain: the decision maker is half the clarity; each other known role a quarter (2 roles + DM = full).
 * - Value level: high above ¥500k a year (§7); medium above ¥100k (ours: the playbook's screening budget floor).
 * - Screening: >= 50 staff, mentions efficiency or cost, budget >= ¥100k (§1's B2B software example).
 * - Funnel (§8): not contacted = lead 10%, initial contact = prospect 20%, needs confirmed = opportunity 50%,
 *   proposal = pipeline 60%, negotiation = upside 70%, won and after-sales 100%, lost 0%. The playbook's
 *   "committed 90%" has no status of its own.
 * - UTC+8: the playbook's teams work in China (no daylight saving); other teams set their own offset.
 */
export const DEFAULT_TEAM_SETTINGS: TeamSettings = TeamSettings.parse({
  schemaVersion: 1,
  weights: { scale: 30, budget: 30, urgency: 20, decisionChain: 20 },
  thresholds: { S: 80, A: 60, B: 40 },
  currency: 'CNY',
  exchangeRates: {},
  dealSize: 200_000,
  scaleBands: {
    employees: [
      { atLeast: 1000, share: 100 },
      { atLeast: 500, share: 83 },
      { atLeast: 200, share: 67 },
      { atLeast: 50, share: 50 },
      { atLeast: 10, share: 33 },
      { atLeast: 1, share: 17 },
    ],
    revenue: [
      { atLeast: 1_000_000_000, share: 100 },
      { atLeast: 400_000_000, share: 83 },
      { atLeast: 100_000_000, share: 67 },
      { atLeast: 20_000_000, share: 50 },
      { atLeast: 3_000_000, share: 33 },
      { atLeast: 500_000, share: 17 },
    ],
    registeredCapital: [
      { atLeast: 100_000_000, share: 83 },
      { atLeast: 30_000_000, share: 67 },
      { atLeast: 10_000_000, share: 50 },
      { atLeast: 3_000_000, share: 33 },
      { atLeast: 1_000_000, share: 17 },
    ],
  },
  budgetFitBands: [
    { atLeast: 1, share: 100 },
    { atLeast: 0.8, share: 83 },
    { atLeast: 0.6, share: 67 },
    { atLeast: 0.4, share: 50 },
    { atLeast: 0.2, share: 33 },
    { atLeast: 0.1, share: 17 },
  ],
  urgencyBands: [
    { withinDays: 31, share: 100 },
    { withinDays: 92, share: 75 },
    { withinDays: 184, share: 50 },
    { withinDays: 366, share: 25 },
  ],
  decisionRoleShares: { decision_maker: 50, influencer: 25, procurement: 25, user: 25, gatekeeper: 0 },
  valueLevel: { highAbove: 500_000, mediumAbove: 100_000 },
  screening: { minEmployees: 50, keywords: ['efficiency', 'cost', '效率', '成本', '降本', '提效'], minBudget: 100_000 },
  responseHours: { S: 2, A: 2, B: 4, C: 24 },
  cadenceDays: { S: 1, A: 2, B: 7, C: 7 },
  phaseLimitDays: { initial_contact: { S: 3, A: null, B: null, C: 7 } },
  funnelProbabilities: {
    not_contacted: 10,
    initial_contact: 20,
    needs_confirmed: 50,
    proposal_submitted: 60,
    negotiation: 70,
    won: 100,
    lost: 0,
    after_sales: 100,
  },
  reminderMinutesBefore: 30,
  utcOffsetMinutes: 480,
  maskContactPhones: false,
  assignment: { appliesTo: 'unowned', rules: [] },
} satisfies TeamSettingsInput);
