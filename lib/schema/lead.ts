import { z } from 'zod';
import { Id, SyncedRecord, Timestamp, longText, shortText } from './common';

/** shared/domain.md §4: the seven customer statuses, plus after-sales care that follows a win. */
export const Stage = z.enum([
  'not_contacted',
  'initial_contact',
  'needs_confirmed',
  'proposal_submitted',
  'negotiation',
  'won',
  'lost',
  'after_sales',
]);
export type Stage = z.infer<typeof Stage>;

/** shared/domain.md §2: value x intent. Null until the lead is scored. */
export const Tier = z.enum(['S', 'A', 'B', 'C']);
export type Tier = z.infer<typeof Tier>;

export const ValueLevel = z.enum(['high', 'medium', 'low']);
export const Completeness = z.enum(['complete', 'mostly_complete', 'incomplete']);
export type Completeness = z.infer<typeof Completeness>;

/**
 * Company size bands: micro < 10 employees, small < 50, medium < 250 (EU recommendation 2003/361/EC),
 * then large < 1000 and enterprise, which the playbook's S-tier key accounts usually are.
 */
export const SizeBand = z.enum(['micro', 'small', 'medium', 'large', 'enterprise']);
export type SizeBand = z.infer<typeof SizeBand>;

/** The 18-character unified social credit code (统一社会信用代码, GB 32100-2015). */
export const CreditCode = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'not a unified social credit code');

/** shared/domain.md §1: each source records what matters for comparing conversion per source. */
export const LeadSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('website'),
    pageUrl: z.url().max(4096),
    needKeywords: z.array(shortText).max(50).default([]),
  }),
  z.object({
    kind: z.literal('trade_show'),
    event: shortText.optional(),
    booth: shortText.optional(),
    minutesOfInteraction: z.number().int().min(0).max(24 * 60).optional(),
    productsOfInterest: z.array(shortText).max(50).default([]),
    whyLeftDetails: shortText.optional(),
  }),
  z.object({
    kind: z.literal('referral'),
    referrer: shortText,
    relation: shortText.optional(),
    context: shortText.optional(),
  }),
  z.object({ kind: z.literal('email'), fromAddress: z.email().optional() }),
  z.object({ kind: z.literal('phone'), detail: shortText.optional() }),
  z.object({ kind: z.literal('social'), network: shortText.optional(), profileUrl: z.url().optional() }),
  z.object({ kind: z.literal('partner'), partner: shortText }),
  z.object({ kind: z.literal('import'), file: shortText.optional() }),
]);
export type LeadSource = z.infer<typeof LeadSource>;

export const Money = z.object({
  amount: z.number().nonnegative().max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export const MoneyRange = z
  .object({ min: Money.shape.amount.optional(), max: Money.shape.amount.optional(), currency: Money.shape.currency })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'budget minimum is above maximum');

export const CompetitorLink = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('engaged'),
    competitor: shortText,
    ourAdvantages: shortText.optional(),
    ourWeaknesses: shortText.optional(),
  }),
]);

/**
 * shared/domain.md §2: a manager may override the scored tier; the override, its reason, who made it and when
 * are kept (lib/score applies it; it wins over the score until lifted).
 */
export const TierOverride = z.object({
  tier: Tier,
  reason: z.string().trim().min(1, 'say why the tier is overridden').max(500),
  by: z.string().trim().min(1, 'who overrides the tier').max(64),
  at: Timestamp,
});
export type TierOverride = z.infer<typeof TierOverride>;

/** An override lifted: the score's tier is in force again; who lifted it, when and (optionally) why are kept. */
export const TierOverrideLifted = z.object({
  tier: z.null(),
  reason: z.string().trim().max(500).nullable(),
  by: TierOverride.shape.by,
  at: Timestamp,
});
export type TierOverrideLifted = z.infer<typeof TierOverrideLifted>;

/**
 * The lead's override as the team shares it: set, or lifted (tier null, so every teammate's history can say who
 * lifted it). It merges per field like any other lead field; only managers and admins may change it.
 */
export const LeadTierOverride = z.union([TierOverride, TierOverrideLifted]);
export type LeadTierOverride = z.infer<typeof LeadTierOverride>;

/** The override in force on a lead, if any (absent on leads stored before overrides synced, null when never set). */
export function overrideInForce(lead: { tierOverride?: LeadTierOverride | null }): TierOverride | null {
  const value = lead.tierOverride;
  return value && value.tier !== null ? (value as TierOverride) : null;
}

/** Human-readable code beside the internal id, as teams write it: LX + year + sequence (LX2026001). */
export const LeadCode = z.string().regex(/^LX\d{4}\d{3,}$/);

/**
 * The fields a rep edits. Each is versioned on its own (SyncedRecord.versions), so two reps editing
 * different fields of one lead offline both keep their edits.
 */
export const LeadFields = z.object({
  code: LeadCode,
  name: shortText.min(1),
  legalName: shortText.nullable(),
  /**
   * The key that makes one company one lead: the registrable domain (eTLD+1), or the full host on shared
   * hosting and free-mail domains (foo.wixsite.com); null when the site identifies no company (lib/dedup).
   */
  domain: z.string().max(253).nullable(),
  /** Further keys of the same company (acme.de beside acme.com), added when the rep merges duplicates. */
  otherDomains: z.array(z.string().max(253)).max(20),
  /** China's company identity: a capture with the same code files into the same lead, whatever its domain. */
  creditCode: CreditCode.nullable(),
  website: z.url().max(4096).nullable(),
  description: longText.nullable(),
  industry: shortText.nullable(),
  region: shortText.nullable(),
  /** The headcount, or the lower bound of a range the page gives ("200-500 employees" -> 200). */
  employees: z.number().int().nonnegative().max(10_000_000).nullable(),
  sizeBand: SizeBand.nullable(),
  revenue: Money.nullable(),
  /** 注册资本: what the owners subscribed; a weaker sign of size than headcount or revenue. */
  registeredCapital: Money.nullable(),
  foundingYear: z.number().int().min(1600).max(2200).nullable(),
  registeredLocation: shortText.nullable(),
  /** Company switchboard contacts read from the site (people are Contacts). */
  emails: z.array(z.email().max(254)).max(100),
  phones: z.array(z.string().max(40)).max(100),
  source: LeadSource,
  needDescription: longText.nullable(),
  painPoints: longText.nullable(),
  expectedSolution: longText.nullable(),
  budget: MoneyRange.nullable(),
  decisionTimeline: shortText.nullable(),
  currentSolution: shortText.nullable(),
  tags: z.array(shortText).max(50),
  valueLevel: ValueLevel.nullable(),
  /** shared/domain.md §7: what the customer buys in a year, from which the value level follows (high above 500k). */
  annualPurchases: Money.nullable().optional(),
  competitor: CompetitorLink.nullable(),
  stage: Stage,
  tier: Tier.nullable(),
  /** A manager's override of the tier, synced to the team (see LeadTierOverride); set through its own message only. */
  tierOverride: LeadTierOverride.nullable().optional(),
  nextFollowUpAt: Timestamp.nullable(),
  /**
   * When the current owner got the lead (a claim from the pool, the team's assignment rules, a manager's
   * hand-over): the response deadline runs from here. Absent on leads a rep clipped for themselves, whose
   * deadline runs from creation, and on leads stored before assignment existed.
   */
  assignedAt: Timestamp.nullable().optional(),
});
export type LeadFields = z.infer<typeof LeadFields>;
export type LeadField = keyof LeadFields;

/**
 * Where a field's value came from. A value the rep typed is never replaced by a capture; a captured one is
 * replaced only by a capture with stronger evidence. A field without an origin (leads stored before origins
 * existed) is treated like a typed one. It travels with the field's value and version in merges.
 */
export const FieldOrigin = z.discriminatedUnion('by', [
  z.object({ by: z.literal('rep') }),
  z.object({
    by: z.literal('capture'),
    /** The evidence source ("json-ld", "text", ...) or "enrich:<provider>" for an enrichment. */
    source: z.string().max(60),
    confidence: z.number().min(0).max(1),
    /** The page the value was read from, so the rep can check it there. */
    url: z.string().max(4096).nullable(),
  }),
]);
export type FieldOrigin = z.infer<typeof FieldOrigin>;

export const Lead = SyncedRecord.extend(LeadFields.shape).extend({
  origins: z.record(z.string(), FieldOrigin),
  /** Set with the tombstone when the rep merged this lead into another one. */
  mergedInto: Id.nullable(),
});
export type Lead = z.infer<typeof Lead>;

/**
 * What the sidebar may change in one save: any subset of the editable fields except the code, the
 * company's keys (domain and otherDomains are set by clipping and merging, never by an edit), the
 * assignment time (set with the owner) and the tier override (a manager's, through lead.overrideTier).
 */
export const LeadPatch = LeadFields.omit({ code: true, otherDomains: true, assignedAt: true, tierOverride: true }).partial();
export type LeadPatch = z.infer<typeof LeadPatch>;
/** Any subset of the fields, for the lead rules themselves (merges, captures). */
export type LeadFieldsPatch = Partial<LeadFields>;
