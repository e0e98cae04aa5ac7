import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/schema';
import { loadSettings, saveSettings } from '@/lib/settings';

describe("the rep's settings", () => {
  it('start from the defaults: no name, language follows the browser', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('are saved and read back', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: '王芳', locale: 'zh_CN' });
    expect(await loadSettings()).toMatchObject({ repName: '王芳', locale: 'zh_CN' });
  });

  it('refuse an invalid value and keep what was stored', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Li' });
    await expect(saveSettings({ ...DEFAULT_SETTINGS, locale: 'fr' as never })).rejects.toThrow();
    expect((await loadSettings()).repName).toBe('Li');
  });

  it('fall back to the defaults when storage holds something unreadable', async () => {
    await fakeBrowser.storage.local.set({ settings: { schemaVersion: 1, repName: 42, locale: 'klingon' } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
