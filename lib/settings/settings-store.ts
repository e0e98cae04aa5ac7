import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, Settings } from '../schema';

const item = storage.defineItem<unknown>('local:settings');

/** The rep's settings; stored settings that do not validate (an older or damaged shape) give the defaults. */
export async function loadSettings(): Promise<Settings> {
  const stored = await item.getValue();
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = Settings.parse(settings);
  await item.setValue(valid);
  return valid;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch(async () => onChange(await loadSettings()));
}
