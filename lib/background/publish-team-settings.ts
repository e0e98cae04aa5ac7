import { TeamSettingsResponse } from '../sync/protocol';
import type { TeamSettings } from '../schema';
import { callTeamServer } from './team-server';

/**
 * Sends new team settings to the team server when this browser is signed in to one: the server keeps the
 * team's settings and only managers and admins may change them (it says so to a rep). Signed out, the
 * settings are this browser's own and nothing is sent. Resolves with the settings the team now has.
 */
export async function publishTeamSettings(settings: TeamSettings, doFetch: typeof fetch = fetch): Promise<TeamSettings> {
  const answer = await callTeamServer(
    { path: '/v1/team/settings', method: 'PUT', body: settings, schema: TeamSettingsResponse, what: 'the settings', unreachable: "the team's settings were not changed" },
    doFetch,
  );
  return answer?.settings ?? settings;
}
