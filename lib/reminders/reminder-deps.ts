import type { LeadStore, TaskStore } from '../db';
import type { Translate } from '../i18n';

/** What the reminders need from the background: the task store, lead names, a clock and the rep's language. */
export interface ReminderDeps {
  tasks: Pick<TaskStore, 'dueReminders' | 'nextReminderAt' | 'markNotified' | 'get'>;
  leads: Pick<LeadStore, 'get'>;
  now: () => Date;
  translate: () => Promise<Translate>;
  /** The signed-in rep's account id (null when signed out): a teammate's synced tasks remind the teammate. */
  me?: () => Promise<string | null>;
}

/** The one alarm: it is always set for the earliest pending reminder, read again from IndexedDB. */
export const REMINDER_ALARM = 'sidecar-next-reminder';
/** Notification ids carry the task they remind of. */
export const NOTIFICATION_PREFIX = 'sidecar-task:';
