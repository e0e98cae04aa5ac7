import type { Activity, Lead } from '../schema';
import type { NeedClarity } from './lead-score';

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';

/** The keywords a website visit or a trade show left behind name a need too (shared/domain.md §1). */
export function sourceKeywords(lead: Lead): string[] {
  if (lead.source.kind === 'website') return lead.source.needKeywords;
  if (lead.source.kind === 'trade_show') return lead.source.productsOfInterest;
  return [];
}

/** "clear" with a need and its pain point (BANT's needs and 难点), "stated" with either, else "none". */
export function needClarity(lead: Lead, activities: readonly Activity[]): NeedClarity {
  const need =
    filled(lead.needDescription) || filled(lead.expectedSolution) || sourceKeywords(lead).length > 0 || activities.some((a) => filled(a.bant.needs));
  const pain = filled(lead.painPoints) || activities.some((a) => filled(a.bant.painPoints));
  if (need && pain) return 'clear';
  return need || pain ? 'stated' : 'none';
}
