import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLIP_MENU_ID, installContextMenu, openSidebar } from '@/lib/background';
import { ErrorCode } from '@/lib/messaging';
import { DEFAULT_SETTINGS } from '@/lib/schema';

describe('ways to open the sidebar', () => {
  it('injects the sidebar script into the tab the rep asked for', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined as never);
    await openSidebar(42);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 42 }, files: ['/content-scripts/sidebar.js'] });
  });

  it('says plainly when the browser does not let it open on a page', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(openSidebar(42)).rejects.toMatchObject({ code: ErrorCode.PageUnsupported, message: expect.stringContaining('cannot open on this page') });
  });

  it('offers "Clip this company" in the context menu, in the rep\'s language', async () => {
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(CLIP_MENU_ID);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');

    await installContextMenu(DEFAULT_SETTINGS);
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ id: CLIP_MENU_ID, title: 'Clip this company' }));

    await installContextMenu({ ...DEFAULT_SETTINGS, locale: 'zh_CN' });
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ id: CLIP_MENU_ID, title: '收录此公司' }));
  });
});
