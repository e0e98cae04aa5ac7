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

  it("mask contacts' phone numbers unless the team turns it off, also for settings saved before the option existed", async () => {
    expect((await loadSettings()).maskContactPhones).toBe(true);
    await fakeBrowser.storage.local.set({ settings: { schemaVersion: 1, repName: 'Li', locale: null, backend: { url: null } } });
    expect(await loadSettings()).toMatchObject({ repName: 'Li', maskContactPhones: true });
    await saveSettings({ ...DEFAULT_SETTINGS, maskContactPhones: false });
    expect((await loadSettings()).maskContactPhones).toBe(false);
  });
});
