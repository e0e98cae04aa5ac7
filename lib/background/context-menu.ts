import { browser } from 'wxt/browser';
import { resolveLocale, translator } from '../i18n';
import type { Settings } from '../schema';

export const CLIP_MENU_ID = 'sidecar-clip-company';

/** (Re)creates the page context-menu entry in the rep's language. */
export async function installContextMenu(settings: Settings): Promise<void> {
  const t = translator(resolveLocale(settings.locale, browser.i18n.getUILanguage()));
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: t('contextMenuClip'), contexts: ['page', 'selection', 'link', 'image'] });
}
