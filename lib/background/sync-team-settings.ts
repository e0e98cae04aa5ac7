import type { TeamSettings } from '../schema';
import { scoringSettingsChanged } from '../score';
import { loadTeamSettings, saveTeamSettings } from '../settings';
import type { RescoreRunner } from './rescore-runner';

/** Team settings that came down with sync replace the local ones; a scoring change re-scores every lead. */
export function applySyncedTeamSettings(rescorer: RescoreRunner | null) {
  return async (settings: TeamSettings): Promise<void> => {
    const before = await loadTeamSettings();
    const saved = await saveTeamSettings(settings);
    if (!saved.ok) {
      console.warn('Sidecar: the team settings from the server do not validate here; keeping the local ones.', saved.error.message);
      return;
    }
    if (rescorer && scoringSettingsChanged(before, saved.data)) void rescorer.start(saved.data);
  };
}
