import { z } from 'zod';
import { shortText } from './common';
import { Completeness, CreditCode, Money, SizeBand } from './lead';

/** Why an enrichment believes its value: where it looked and what it saw. */
export const SuggestionEvidence = z.object({
  /**
   * What the value was read from, an id the UI translates (basis_<id>): name, legalName, description, title,
   * mainText, schemaType, address, creditCode, phoneAreaCode, phoneCountryCode, domain, employees, revenue,
   * registeredCapital. Providers added later may use their own words.
   */
  basis: z.string().max(100),
  snippet: z.string().max(500),
});

const suggestion = <F extends string, V extends z.ZodType>(field: F, value: V) =>
  z.object({
    field: z.literal(field),
    value,
    confidence: z.number().min(0).max(1),
    /** The provider's id: "industry", "size-band", "region", or a team or paid source added later. */
    provider: z.string().max(60),
    evidence: SuggestionEvidence,
  });

/**
 * A value an enrichment provider proposes for a lead field. Providers may fill these fields only; what they
 * propose is merged like a capture (never over a value the rep typed).
 */
export const Suggestion = z.discriminatedUnion('field', [
  suggestion('industry', shortText.min(1)),
  suggestion('region', shortText.min(1)),
  suggestion('registeredLocation', shortText.min(1)),
  suggestion('sizeBand', SizeBand),
  suggestion('employees', z.number().int().nonnegative().max(10_000_000)),
  suggestion('revenue', Money),
  suggestion('registeredCapital', Money),
  suggestion('foundingYear', z.number().int().min(1600).max(2200)),
  suggestion('legalName', shortText.min(1)),
  suggestion('creditCode', CreditCode),
]);
export type Suggestion = z.infer<typeof Suggestion>;
export type SuggestedField = Suggestion['field'];

/** The key fields whose share filled gives the completeness (信息完整度, shared/domain.md §1 and §6). */
export const KeyField = z.enum(['name', 'website', 'industry', 'region', 'size', 'foundingYear', 'contactPerson', 'contactChannel', 'needs', 'budget']);
export type KeyField = z.infer<typeof KeyField>;

export const CompletenessResult = z.object({
  level: Completeness,
  filled: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  missing: z.array(KeyField),
});
export type CompletenessResult = z.infer<typeof CompletenessResult>;

/**
 * The team's screening criteria (TeamSettings.screening) checked against one lead, in the vocabulary lib/score
 * uses: a criterion is met, failed, or unknown while the fact it needs is missing.
 */
export const ScreeningCheckResult = z.object({
  criterion: z.enum(['minEmployees', 'keywords', 'minBudget']),
  result: z.enum(['met', 'failed', 'unknown']),
  /** What the check saw, for the message screen_<criterion>_<result>. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ScreeningCheckResult = z.infer<typeof ScreeningCheckResult>;

/** "fail" when a known fact fails a criterion (kept but flagged), "incomplete" while facts are missing. */
export const ScreeningResult = z.object({
  status: z.enum(['pass', 'fail', 'incomplete']),
  checks: z.array(ScreeningCheckResult),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

/** What the sidebar shows beside a lead: derived from the lead and its contacts, never stored. */
export const LeadAssessment = z.object({
  completeness: CompletenessResult,
  screening: ScreeningResult,
});
export type LeadAssessment = z.infer<typeof LeadAssessment>;
