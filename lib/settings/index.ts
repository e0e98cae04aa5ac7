export { loadSettings, saveSettings, watchSettings } from './settings-store';
