import type { SidecarDatabase } from '../db';
import { forecastPipeline } from '../db/pipeline-forecast';
import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { parseTeamSettings, scoringSettingsChanged } from '../score';
import type { TeamSettings } from '../schema';
import { loadTeamSettings, saveTeamSettings } from '../settings';
import { AssignPoolResponse } from '../sync/protocol';
import { loadRescoreStatus, type RescoreRunner } from './rescore-runner';
import { loadTeamPeople } from './team-people';
import { callTeamServer } from './team-server';

export type TeamSettingsHandlers = Pick<Handlers, 'team.settings' | 'team.saveSettings' | 'team.members' | 'team.assignPool' | 'pipeline.forecast'>;

/**
 * The options page's team playbook: read the settings with the state of the last re-score, and save new ones.
 * Settings that do not validate are refused with the wrong fields named and nothing changes; a change that
 * moves scores re-scores every lead in the background (the answer does not wait for it).
 */
export function teamSettingsHandlers(
  rescorer: RescoreRunner | null,
  publish: (settings: TeamSettings) => Promise<TeamSettings> = async (s) => s,
  db: SidecarDatabase | null = null,
  doFetch: typeof fetch = (...args) => fetch(...args),
): TeamSettingsHandlers {
  return {
    'pipeline.forecast': async () => {
      if (!db) throw new SidecarError(ErrorCode.Internal, 'The pipeline is not available in this context.');
      return forecastPipeline(db, await loadTeamSettings());
    },
    // The options page edits rules with the current list; the popup names owners from the cached one.
    'team.members': async ({ refresh }) => loadTeamPeople({ refresh, doFetch }),
    'team.assignPool': async (_request, sender) => {
      if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'The pool can only be handed out from the options page.');
      const answer = await callTeamServer({ path: '/v1/team/assign-pool', method: 'POST', schema: AssignPoolResponse, what: 'to hand out the pool', unreachable: 'no lead was handed out' }, doFetch);
      if (!answer) throw new SidecarError(ErrorCode.InvalidMessage, 'Sign in to your team first: the pool is the team’s.');
      return answer;
    },
    'team.settings': async () => ({ settings: await loadTeamSettings(), rescore: await loadRescoreStatus() }),
    'team.saveSettings': async ({ settings }, sender) => {
      // The options page only: a script inside a web page may not change how the team scores.
      if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'Team settings can only be changed on the options page.');
      const before = await loadTeamSettings();
      const valid = parseTeamSettings(settings);
      if (!valid.ok) throw new SidecarError(ErrorCode.InvalidMessage, valid.error.message);
      // Signed in to a team, the server has the last word (and refuses a rep); nothing changes here if it does.
      const saved = await saveTeamSettings(await publish(valid.data));
      if (!saved.ok) throw new SidecarError(ErrorCode.InvalidMessage, saved.error.message);
      const rescoring = rescorer !== null && scoringSettingsChanged(before, saved.data);
      if (rescoring) void rescorer.start(saved.data);
      return { settings: saved.data, rescoring };
    },
  };
}
