import type { Caller } from '../accounts/accounts';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '../../lib/schema';
import type { SyncDeps } from './push';
import { TeamCounter } from './team-counter';

export async function readTeamSettings(deps: SyncDeps, caller: Caller): Promise<{ settings: TeamSettings; changeNo: number }> {
  const row = (await deps.db.query<{ settings: unknown; settings_change_no: number }>('SELECT settings, settings_change_no FROM teams WHERE id = $1', [caller.teamId]))[0];
  return { settings: row?.settings ? TeamSettings.parse(row.settings) : DEFAULT_TEAM_SETTINGS, changeNo: Number(row?.settings_change_no ?? 0) };
}

/** Replaces the team's settings; they take a change number so every client pulls them. */
export async function writeTeamSettings(deps: SyncDeps, caller: Caller, settings: TeamSettings): Promise<{ settings: TeamSettings; changeNo: number }> {
  return deps.db.transaction(async (tx) => {
    const counter = await TeamCounter.lock(tx, caller.teamId);
    const changeNo = counter.next();
    await tx.query('UPDATE teams SET settings = $2, settings_change_no = $3 WHERE id = $1', [caller.teamId, JSON.stringify(settings), changeNo]);
    await counter.save();
    return { settings, changeNo };
  });
}
