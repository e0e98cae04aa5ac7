import { browser } from 'wxt/browser';
import { openRemindedLead } from './open-reminded-lead';
import { REMINDER_ALARM, type ReminderDeps } from './reminder-deps';
import { showDueReminders } from './show-due-reminders';

/**
 * Wires reminders into the service worker. Listeners are added synchronously at start-up (MV3 only wakes a
 * worker for events whose listeners were registered in its first turn); then, and on browser start-up and
 * install, reminders missed while the worker or browser was stopped are shown and the alarm is re-armed.
 * Returns the catch-up to run after tasks change; runs never overlap, so a reminder is shown once.
 */
export function installReminders(deps: ReminderDeps): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const catchUp = () => {
    // A failed run was already reported; the next one starts afresh.
    running = running.catch(() => undefined).then(async () => void (await showDueReminders(deps)));
    return running.catch((error: unknown) => console.error('Sidecar: reminders failed', error));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void catchUp();
  });
  browser.notifications.onClicked.addListener((id) => {
    void openRemindedLead(id, deps).catch((error: unknown) => console.error('Sidecar: could not open the reminded lead', error));
  });
  browser.runtime.onStartup.addListener(() => void catchUp());
  browser.runtime.onInstalled.addListener(() => void catchUp());
  void catchUp();
  return catchUp;
}
