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
  const known = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return { key, params: Object.fromEntries(known) };
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
