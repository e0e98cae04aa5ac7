import { storage } from 'wxt/utils/storage';
import { parseTeamSettings, type RuleResult } from '../score';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '../schema';

/**
 * The team's scoring and playbook settings. Kept in extension storage; when the browser is signed in to a team
 * backend they come down with sync (issue #6) and only managers and admins change them there.
 */
const item = storage.defineItem<unknown>('local:teamSettings');

/** The stored settings; stored settings that no longer validate give the playbook's defaults, never a crash. */
export async function loadTeamSettings(): Promise<TeamSettings> {
  const stored = await item.getValue();
  if (stored === null || stored === undefined) return DEFAULT_TEAM_SETTINGS;
  const parsed = TeamSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_TEAM_SETTINGS;
}

/** Validates and stores; settings that do not validate are refused with the wrong fields named, and nothing changes. */
export async function saveTeamSettings(input: unknown): Promise<RuleResult<TeamSettings>> {
  const parsed = parseTeamSettings(input);
  if (parsed.ok) await item.setValue(parsed.data);
  return parsed;
}
