import type { ScoreDimensionKey, TeamSettings } from '../schema';
import { pointsFor } from './bands';
import type { AskFact, DimensionScore, EvidenceKey, ScoreEvidence } from './lead-score';

/** One dimension's score and the missing facts that would let it score. */
export interface DimensionResult {
  score: DimensionScore;
  ask: AskFact[];
}

export type EvidenceParamsInput = Record<string, string | number | undefined>;

/** Evidence as key + params for the UI to translate; params that are not known are left out. */
export function evidence(key: EvidenceKey, params: EvidenceParamsInput = {}): ScoreEvidence {
  // A plain loop: a re-score builds a few of these for each of 100,000 leads.
  const known: Record<string, string | number> = {};
  for (const name in params) {
    const value = params[name as keyof EvidenceParamsInput];
    if (value !== undefined) known[name] = value;
  }
  return { key, params: known };
}

export function dimensionScore(
  key: ScoreDimensionKey,
  settings: TeamSettings,
  found: { share: number; evidence: ScoreEvidence[]; unknown: boolean },
): DimensionScore {
  const max = settings.weights[key];
  const share = found.unknown ? 0 : found.share;
  return { key, points: pointsFor(share, max), max, share, evidence: found.evidence, unknown: found.unknown };
}
