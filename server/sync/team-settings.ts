import type { Caller } from '../accounts/accounts';
import type { Queryable } from '../db/sql-database';
import { ApiError } from '../http/api-error';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '../../lib/schema';
import type { SyncDeps } from './push';
import { TeamCounter } from './team-counter';

/** The team's settings from the value of its `settings` column (the defaults until a manager saves some). */
export const storedTeamSettings = (stored: unknown): TeamSettings => (stored ? TeamSettings.parse(stored) : DEFAULT_TEAM_SETTINGS);

/** The team's settings as stored, read on `q` (a transaction or the pool). */
export async function loadTeamSettings(q: Queryable, teamId: string): Promise<{ settings: TeamSettings; changeNo: number }> {
  const row = (await q.query<{ settings: unknown; settings_change_no: number }>('SELECT settings, settings_change_no FROM teams WHERE id = $1', [teamId]))[0];
  return { settings: storedTeamSettings(row?.settings), changeNo: Number(row?.settings_change_no ?? 0) };
}

export async function readTeamSettings(deps: SyncDeps, caller: Caller): Promise<{ settings: TeamSettings; changeNo: number }> {
  return loadTeamSettings(deps.db, caller.teamId);
}

/** The ids of the team's members. */
export async function teamMemberIds(q: Queryable, teamId: string): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [teamId]);
  return new Set(rows.map((row) => row.id));
}

/** Replaces the team's settings; they take a change number so every client pulls them. */
export async function writeTeamSettings(deps: SyncDeps, caller: Caller, settings: TeamSettings): Promise<{ settings: TeamSettings; changeNo: number }> {
  return deps.db.transaction(async (tx) => {
    const counter = await TeamCounter.lock(tx, caller.teamId);
    const members = await teamMemberIds(tx, caller.teamId);
    settings.assignment.rules.forEach((rule, i) => {
      const stranger = rule.assignees.find((id) => !members.has(id));
      if (stranger) throw new ApiError('invalid_request', `assignment rule ${i + 1} names ${stranger}, who is not in your team: pick people of your team`);
    });
    const changeNo = counter.next();
    await tx.query('UPDATE teams SET settings = $2, settings_change_no = $3 WHERE id = $1', [caller.teamId, JSON.stringify(settings), changeNo]);
    await counter.save();
    return { settings, changeNo };
  });
}
