export { scoreLead, type ScoreInput } from './score-lead';
export {
  AskFact,
  DimensionScore,
  EvidenceKey,
  EvidenceParams,
  Grade,
  LeadScore,
  NeedClarity,
  ScoreEvidence,
  Screening,
  ScreeningCheck,
  ScreeningCriterion,
} from './lead-score';
export { TIERS, tierForTotal, tierRank } from './tiers';
export { parseTeamSettings, scoringSettingsChanged } from './team-settings';
export {
  EMPTY_TIER_STATE,
  TierChangeCause,
  TierHistoryEntry,
  TierOverride,
  TierState,
  applyTierOverride,
  clearTierOverride,
  effectiveTier,
  followSyncedOverride,
  recordScore,
} from './tier-history';
export { RuleErrorCode, refused, type RuleError, type RuleResult } from './errors';
export { budgetCeiling, toTeamAmount, type MoneyValue } from './money';
export { ofLead } from './lead-facts';
