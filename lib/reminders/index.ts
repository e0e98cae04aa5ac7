export { armReminderAlarm } from './arm-reminder-alarm';
export { installReminders } from './install-reminders';
export { leadPageUrl, openRemindedLead } from './open-reminded-lead';
export { NOTIFICATION_PREFIX, REMINDER_ALARM, type ReminderDeps } from './reminder-deps';
export { showDueReminders } from './show-due-reminders';
