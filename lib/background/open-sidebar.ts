import { browser } from 'wxt/browser';
import { ErrorCode, SidecarError } from '../messaging';

/** The built sidebar content script; injected only on a user gesture (activeTab), never at install. */
export const SIDEBAR_SCRIPT = '/content-scripts/sidebar.js';

/**
 * Opens (or re-shows) the sidebar in a tab. The toolbar popup, the keyboard command and the context menu
 * all come here, so the e2e test that calls this exercises the same path as a rep's click.
 */
export async function openSidebar(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [SIDEBAR_SCRIPT] });
  } catch (cause) {
    throw new SidecarError(
      ErrorCode.PageUnsupported,
      'Sidecar cannot open on this page: browser pages, web stores and PDF viewers do not allow extensions.',
      { cause },
    );
  }
}
