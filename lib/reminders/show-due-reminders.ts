import { browser } from 'wxt/browser';
import type { Task } from '../schema';
import { armReminderAlarm } from './arm-reminder-alarm';
import { NOTIFICATION_PREFIX, type ReminderDeps } from './reminder-deps';

/**
 * Shows a notification for every open task whose reminder time has come (those missed while the browser was
 * closed included), marks them shown so a restart does not repeat them, and re-arms the alarm for the next.
 */
export async function showDueReminders(deps: ReminderDeps): Promise<Task[]> {
  const now = deps.now().toISOString();
  const due = await deps.tasks.dueReminders(now, (await deps.me?.()) ?? null);
  const t = await deps.translate();
  const shown: Task[] = [];
  for (const task of due) {
    const lead = await deps.leads.get(task.leadId);
    if (!lead) continue;
    const overdue = Date.parse(task.dueAt) < Date.parse(now);
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${task.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: lead.tier ? t('reminderTitleTier', { tier: lead.tier, lead: lead.name }) : t('reminderTitle', { lead: lead.name }),
      message: t(overdue ? 'reminderOverdue' : 'reminderDue', { task: task.title, due: task.dueAt.slice(0, 16).replace('T', ' ') }),
      priority: task.priority === 'urgent_important' || task.priority === 'urgent' ? 2 : 0,
    });
    shown.push(task);
  }
  // Tasks of leads gone since are marked too: their reminder has nothing left to open.
  if (due.length > 0) await deps.tasks.markNotified(due.map((task) => task.id), now);
  await armReminderAlarm(deps);
  return shown;
}
