import { browser } from 'wxt/browser';
import { NOTIFICATION_PREFIX, type ReminderDeps } from './reminder-deps';

/**
 * Opens the lead a reminder is about: the popup page with that lead, in a tab. MV3 gives a notification click
 * no user gesture, so the toolbar popup cannot be opened from it (action.openPopup needs one) and the sidebar
 * cannot be scripted into the company's site (activeTab is not granted); an extension page needs neither.
 * Returns false for a notification that is not a Sidecar reminder, or one whose task is gone.
 */
export async function openRemindedLead(notificationId: string, deps: Pick<ReminderDeps, 'tasks'>): Promise<boolean> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return false;
  await browser.notifications.clear(notificationId);
  const task = await deps.tasks.get(notificationId.slice(NOTIFICATION_PREFIX.length));
  if (!task) return false;
  await browser.tabs.create({ url: leadPageUrl(task.leadId), active: true });
  return true;
}

/** The popup page showing one lead, opened as a tab. */
export function leadPageUrl(leadId: string): string {
  return browser.runtime.getURL(`/popup.html?lead=${encodeURIComponent(leadId)}`);
}
