import type { DimensionScore, Grade, NeedClarity } from './lead-score';

/** "Urgent" is a decision in the top urgency bands: within a quarter with the default bands. */
const URGENT_SHARE = 75;
/** A budget that earns two thirds of its points fits well: a ceiling of 60% of a deal or more by default. */
const GOOD_BUDGET_SHARE = 67;

/**
 * shared/domain.md §2 意向等级: A is a clear, urgent need with a budget and a known decision maker ("buying within
 * a month, budget 200k, the procurement director decides"); C is only collecting information (no need stated,
 * no urgency); everything between is B ("need without details, budget unconfirmed").
 */
export function intentGrade(need: NeedClarity, urgency: DimensionScore, budget: DimensionScore, decisionMakerKnown: boolean): Grade {
  if (need !== 'none' && urgency.share >= URGENT_SHARE && !budget.unknown && budget.share > 0 && decisionMakerKnown) return 'A';
  if (need === 'none' && urgency.share === 0) return 'C';
  return 'B';
}

/**
 * shared/domain.md §7 潜力评级 from need clarity and budget fit, two points each: A needs both at their best
 * (a clear need and a good fit), C has at most one point (a stated need, or a weak budget, and nothing more).
 */
export function potentialGrade(need: NeedClarity, budget: DimensionScore): Grade {
  const needPoints = need === 'clear' ? 2 : need === 'stated' ? 1 : 0;
  const budgetPoints = budget.share >= GOOD_BUDGET_SHARE ? 2 : budget.share > 0 ? 1 : 0;
  const sum = needPoints + budgetPoints;
  if (sum === 4) return 'A';
  return sum >= 2 ? 'B' : 'C';
}
