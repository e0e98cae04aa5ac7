import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CLIP_MENU_ID, LeadTracker, publishTeamSettings, RescoreRunner, SyncScheduler, applySyncedTeamSettings, installContextMenu, installToolbarBadge, messageHandlers, openSidebar, rescorePulledLeads } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { resolveLocale, translator } from '@/lib/i18n';
import { handleMessage } from '@/lib/messaging';
import { installReminders } from '@/lib/reminders';
import { loadSettings, loadTeamSettings, watchSettings } from '@/lib/settings';
import { loadBackend } from '@/lib/settings/backend-store';

export default defineBackground(() => {
  // The only place that opens IndexedDB: a content script's Dexie would write into the page's own database.
  const db = new SidecarDatabase();
  const leads = new LeadStore(db);
  const tracker = new LeadTracker(db, leads, { teamSettings: loadTeamSettings });
  const rescorer = new RescoreRunner(db);
  // A worker stopped in the middle of re-scoring every lead finishes the run.
  void rescorer.resume(loadTeamSettings);
  // The rep who clips a company owns its lead (the team's pool holds only leads nobody clipped or claimed);
  // signed out, leads have no owner until they sync.
  const currentOwnerId = async () => (await loadBackend())?.account.id ?? null;
  // Registered in the worker's first turn, so an alarm or a notification click wakes it (MV3).
  const onTasksChanged = installReminders({
    me: currentOwnerId,
    tasks: tracker.tasks,
    leads,
    now: () => new Date(),
    translate: async () => translator(resolveLocale((await loadSettings()).locale, browser.i18n.getUILanguage())),
  });
  // Team sync: every local write is queued by the database itself; this decides when to push and pull.
  const sync = new SyncScheduler({
    db,
    onTeamSettings: applySyncedTeamSettings(rescorer),
    // Teammates' tasks may be due sooner, and the current site may now have a lead.
    onPulled: async () => {
      // Teammates' follow-ups and contacts move tiers here too (the team's settings, as every device has them).
      await rescorePulledLeads(tracker, async () => void rescorer.start(await loadTeamSettings()));
      await onTasksChanged();
      await badge.refresh();
    },
  });
  sync.install();
  const handlers = messageHandlers(leads, currentOwnerId, { tracker, onTasksChanged, rescorer, sync, publishTeamSettings });
  const extensionOrigin = browser.runtime.getURL('/');
  const badge = installToolbarBadge(leads, { settings: loadSettings });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
    handleMessage(message, { tabId: sender.tab?.id, fromExtensionPage, url: sender.url }, handlers).then((response) => {
      sendResponse(response);
      if (response.ok && LEAD_WRITES.has((message as { type?: unknown }).type)) void badge.refresh();
    });
    return true;
  });

  browser.runtime.onInstalled.addListener(async () => installContextMenu(await loadSettings()));
  watchSettings((settings) => {
    void installContextMenu(settings);
    void badge.refresh();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLIP_MENU_ID && tab?.id !== undefined) void openSidebarReporting(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-sidebar' && tab?.id !== undefined) void openSidebarReporting(tab.id);
  });

  if (import.meta.env.MODE === 'e2e') {
    // e2e builds only: automation cannot click the toolbar, so tests call the same function a click does.
    Object.assign(globalThis, { sidecarE2E: { openSidebar } });
  }
});

/** Messages after which the site's tier may have changed, so the toolbar badge is shown again. */
const LEAD_WRITES = new Set<unknown>(['clip.save', 'lead.update', 'lead.merge', 'lead.logTouch', 'lead.overrideTier']);

async function openSidebarReporting(tabId: number): Promise<void> {
  try {
    await openSidebar(tabId);
  } catch (error) {
    console.warn('Sidecar:', error instanceof Error ? error.message : error);
  }
}
