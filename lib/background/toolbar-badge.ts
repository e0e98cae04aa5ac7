import { browser } from 'wxt/browser';
import { badgeForUrl, hasBadgePermission } from '../badge';
import type { LeadStore } from '../db';
import type { Settings } from '../schema';

export interface ToolbarBadgeOptions {
  settings: () => Promise<Settings>;
  now?: () => Date;
}

export interface ToolbarBadgeController {
  /**
   * Shows the badge of the tabs in view again (after a lead was saved or edited), or clears every tab's badge
   * when the rep turned it off or took the permission back.
   */
  refresh(): Promise<void>;
}

/**
 * The opt-in toolbar badge: the current site's tier letter in the tier's colour, "!" when its follow-up is
 * overdue. Listeners are registered when the service worker starts (so that a restarted worker still hears
 * tab changes) and do nothing unless the rep turned the badge on and granted the `tabs` permission.
 */
export function installToolbarBadge(leads: LeadStore, options: ToolbarBadgeOptions): ToolbarBadgeController {
  const now = options.now ?? (() => new Date());
  const enabled = async () => (await options.settings()).toolbarBadge && (await hasBadgePermission());

  async function show(tabId: number, url: string | undefined): Promise<void> {
    const badge = (await enabled()) ? await badgeForUrl(leads, url, now()) : null;
    try {
      await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
      if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    } catch {
      // The tab closed while the lead was looked up: nothing to show.
    }
  }

  async function showTab(tabId: number): Promise<void> {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (tab?.id !== undefined) await show(tab.id, tab.url);
  }

  browser.tabs.onActivated.addListener(({ tabId }) => void showTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The browser resets a tab's badge when it navigates: show it again once the new URL is known.
    if (change.url !== undefined || change.status === 'complete') void show(tabId, tab.url);
  });

  async function showVisibleTabs(): Promise<void> {
    const tabs = await browser.tabs.query({ active: true });
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : show(tab.id, tab.url))));
  }

  async function clearAll(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => undefined))));
  }

  const refresh = async () => ((await enabled()) ? showVisibleTabs() : clearAll());
  browser.permissions.onAdded?.addListener(() => void refresh());
  browser.permissions.onRemoved?.addListener(() => void refresh());
  return { refresh };
}
