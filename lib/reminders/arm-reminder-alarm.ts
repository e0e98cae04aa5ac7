import { browser } from 'wxt/browser';
import { REMINDER_ALARM, type ReminderDeps } from './reminder-deps';

/**
 * Sets the reminder alarm for the earliest reminder still to show, or clears it when none is pending. One alarm
 * re-armed from the database, rather than one per task, because Chrome may drop alarms when the browser
 * restarts: the database is the truth and the alarm only a wake-up call. Returns the time armed.
 */
export async function armReminderAlarm(deps: Pick<ReminderDeps, 'tasks' | 'me'>): Promise<string | null> {
  const next = await deps.tasks.nextReminderAt((await deps.me?.()) ?? null);
  if (next === null) {
    await browser.alarms.clear(REMINDER_ALARM);
    return null;
  }
  await browser.alarms.create(REMINDER_ALARM, { when: Date.parse(next) });
  return next;
}
