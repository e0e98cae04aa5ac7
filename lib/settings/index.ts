export { loadSettings, saveSettings, watchSettings } from './settings-store';
export { loadTeamSettings, saveTeamSettings } from './team-settings-store';
export { masksContactPhones } from './phone-masking';
