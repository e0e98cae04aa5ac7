import { ApiErrorBody, TeamSettingsResponse } from '../sync/protocol';
import type { TeamSettings } from '../schema';
import { loadBackend } from '../settings/backend-store';
import { ErrorCode, SidecarError } from '../messaging';

/**
 * Sends new team settings to the team server when this browser is signed in to one: the server keeps the
 * team's settings and only managers and admins may change them (it says so to a rep). Signed out, the
 * settings are this browser's own and nothing is sent. Resolves with the settings the team now has.
 */
export async function publishTeamSettings(settings: TeamSettings, doFetch: typeof fetch = fetch): Promise<TeamSettings> {
  const session = await loadBackend();
  if (!session) return settings;
  let response: Response;
  try {
    response = await doFetch(`${session.url}/v1/team/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify(settings),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new SidecarError(ErrorCode.Unreachable, `The team server at ${session.url} cannot be reached, so the team's settings were not changed. Try again when it can.`, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = ApiErrorBody.safeParse(json);
    throw new SidecarError(ErrorCode.InvalidMessage, `The team server refused the settings: ${body.success ? body.data.error.message : `it answered ${response.status}`}.`);
  }
  const parsed = TeamSettingsResponse.safeParse(json);
  if (!parsed.success) throw new SidecarError(ErrorCode.Internal, 'The team server answered in a way this version of Sidecar does not understand.');
  return parsed.data.settings;
}
