import { z } from 'zod';

/** Refusals of the scoring and playbook rules, as values (nothing here throws). */
export const RuleErrorCode = {
  InvalidTeamSettings: 'INVALID_TEAM_SETTINGS',
  InvalidTierOverride: 'INVALID_TIER_OVERRIDE',
  InvalidStageChange: 'INVALID_STAGE_CHANGE',
  InvalidTask: 'INVALID_TASK',
} as const;
export type RuleErrorCode = (typeof RuleErrorCode)[keyof typeof RuleErrorCode];

export interface RuleError {
  code: RuleErrorCode;
  /** Says which field is wrong and why, e.g. "✖ the four weights must add up to 100 → at weights". */
  message: string;
  /** The wrong fields as dotted paths ("weights", "thresholds.B", "scaleBands.employees.2.share"). */
  fields: string[];
}

export type RuleResult<T> = { ok: true; data: T } | { ok: false; error: RuleError };

export function refused(code: RuleErrorCode, what: string, error: z.ZodError): { ok: false; error: RuleError } {
  const fields = [...new Set(error.issues.map((issue) => issue.path.map(String).join('.')))];
  return { ok: false, error: { code, message: `${what}:\n${z.prettifyError(error)}`, fields } };
}
