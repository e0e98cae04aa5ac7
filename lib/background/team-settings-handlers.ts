import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { scoringSettingsChanged } from '../score';
import { loadTeamSettings, saveTeamSettings } from '../settings';
import { loadRescoreStatus, type RescoreRunner } from './rescore-runner';

export type TeamSettingsHandlers = Pick<Handlers, 'team.settings' | 'team.saveSettings'>;

/**
 * The options page's team playbook: read the settings with the state of the last re-score, and save new ones.
 * Settings that do not validate are refused with the wrong fields named and nothing changes; a change that
 * moves scores re-scores every lead in the background (the answer does not wait for it).
 */
export function teamSettingsHandlers(rescorer: RescoreRunner | null): TeamSettingsHandlers {
  return {
    'team.settings': async () => ({ settings: await loadTeamSettings(), rescore: await loadRescoreStatus() }),
    'team.saveSettings': async ({ settings }, sender) => {
      // The options page only: a script inside a web page may not change how the team scores.
      if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'Team settings can only be changed on the options page.');
      const before = await loadTeamSettings();
      const saved = await saveTeamSettings(settings);
      if (!saved.ok) throw new SidecarError(ErrorCode.InvalidMessage, saved.error.message);
      const rescoring = rescorer !== null && scoringSettingsChanged(before, saved.data);
      if (rescoring) void rescorer.start(saved.data);
      return { settings: saved.data, rescoring };
    },
  };
}
