import { TeamSettings } from '../schema';
import { RuleErrorCode, refused, type RuleResult } from './errors';

/** Validated team settings, or a refusal naming every wrong field. */
export function parseTeamSettings(input: unknown): RuleResult<TeamSettings> {
  const parsed = TeamSettings.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : refused(RuleErrorCode.InvalidTeamSettings, 'The team settings are not valid', parsed.error);
}

const SCORING_KEYS = [
  'weights',
  'thresholds',
  'currency',
  'exchangeRates',
  'dealSize',
  'scaleBands',
  'budgetFitBands',
  'urgencyBands',
  'decisionRoleShares',
  'valueLevel',
  'screening',
  'utcOffsetMinutes',
] as const satisfies ReadonlyArray<keyof TeamSettings>;

/** Whether a change of settings changes scores, so that every lead must be re-scored (cadence or SLA do not). */
export function scoringSettingsChanged(before: TeamSettings, after: TeamSettings): boolean {
  return SCORING_KEYS.some((key) => stableJson(before[key]) !== stableJson(after[key]));
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
