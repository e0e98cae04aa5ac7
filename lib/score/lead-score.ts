import { z } from 'zod';
import { ScoreDimensionKey, Tier, Timestamp, ValueLevel } from '../schema';

/**
 * What a piece of evidence says, as a key the UI translates (English and Simplified Chinese) with its params.
 * - employees {count}; sizeBand {band}; revenue, registeredCapital {amount, currency, teamAmount?}
 *   (facts of the lead carry `origin`: "rep" typed it, "capture" read it from a page)
 * - budget {min?, max?, currency}; budgetFit {percent, dealSize, currency}
 * - currencyNotComparable {fact, currency, teamCurrency}: no exchange rate in the team settings
 * - decisionTimeline {text, days}; timelineNotUrgent {text}; timelinePassed {text}; timelineUndecided {text};
 *   timelineUnreadable {text}
 * - followUpSignal {phrase, activityId, occurredAt, days}: an urgency phrase in a follow-up record
 * - contactRole {name, role}; contactWithoutRole {name}
 */
export const EvidenceKey = z.enum([
  'employees',
  'sizeBand',
  'revenue',
  'registeredCapital',
  'budget',
  'budgetFit',
  'currencyNotComparable',
  'decisionTimeline',
  'timelineNotUrgent',
  'timelinePassed',
  'timelineUndecided',
  'timelineUnreadable',
  'followUpSignal',
  'contactRole',
  'contactWithoutRole',
]);
export type EvidenceKey = z.infer<typeof EvidenceKey>;

export const EvidenceParams = z.record(z.string(), z.union([z.string(), z.number()]));
export const ScoreEvidence = z.object({ key: EvidenceKey, params: EvidenceParams });
export type ScoreEvidence = z.infer<typeof ScoreEvidence>;

export const DimensionScore = z.object({
  key: ScoreDimensionKey,
  points: z.number().int().min(0).max(100),
  /** The dimension's weight in the team settings. */
  max: z.number().int().min(0).max(100),
  /** Percent of the weight earned, before rounding to points. */
  share: z.number().min(0).max(100),
  evidence: z.array(ScoreEvidence),
  /** No usable fact: scores 0 and its missing facts are in `askNext`. */
  unknown: z.boolean(),
});
export type DimensionScore = z.infer<typeof DimensionScore>;

/** Facts the rep should find out next, most points at stake first. */
export const AskFact = z.enum(['employees', 'revenue', 'budget', 'decisionTimeline', 'decisionMaker', 'needs']);
export type AskFact = z.infer<typeof AskFact>;

export const Grade = z.enum(['A', 'B', 'C']);
export type Grade = z.infer<typeof Grade>;

/** How clearly the need is stated: a need and its pain point ("clear"), either one ("stated"), or nothing. */
export const NeedClarity = z.enum(['clear', 'stated', 'none']);
export type NeedClarity = z.infer<typeof NeedClarity>;

export const ScreeningCriterion = z.enum(['minEmployees', 'keywords', 'minBudget']);
export type ScreeningCriterion = z.infer<typeof ScreeningCriterion>;

/** One screening criterion checked: "unknown" when the fact it needs is missing (UI: "to check", not "failed"). */
export const ScreeningCheck = z.object({
  criterion: ScreeningCriterion,
  result: z.enum(['met', 'failed', 'unknown']),
  params: EvidenceParams,
});
export type ScreeningCheck = z.infer<typeof ScreeningCheck>;

export const Screening = z.object({
  /** "fail" when a known fact fails a criterion (the lead is kept but flagged); "incomplete" when facts are missing. */
  status: z.enum(['pass', 'fail', 'incomplete']),
  pass: z.boolean(),
  checks: z.array(ScreeningCheck),
});
export type Screening = z.infer<typeof Screening>;

export const LeadScore = z.object({
  total: z.number().int().min(0).max(100),
  tier: Tier,
  dimensions: z.array(DimensionScore).length(4),
  askNext: z.array(AskFact),
  /** shared/domain.md §2 意向等级. */
  intentGrade: Grade,
  /** shared/domain.md §7 价值等级; null when neither purchases nor the rep's judgement are known. */
  valueLevel: ValueLevel.nullable(),
  /** shared/domain.md §7 潜力评级, from need clarity and budget fit. */
  potential: Grade,
  needClarity: NeedClarity,
  screening: Screening,
  /** The instant the score was computed for: time-relative facts ("this month") are read against it. */
  scoredAt: Timestamp,
});
export type LeadScore = z.infer<typeof LeadScore>;
