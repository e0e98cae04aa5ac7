import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '@/lib/i18n';
import type { LeadCard } from '@/lib/messaging';
import { REMINDER_ALARM, installReminders, type ReminderDeps } from '@/lib/reminders';
import type { Task } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';
import { S_FACTS, playbookBackground } from '../background/harness';

const MINUTE = 60_000;

/** A background with an S lead whose first-contact task (due 04:00, reminder 03:30) the rep accepted at 02:00. */
async function withAcceptedTask() {
  const bg = playbookBackground('2026-11-23T02:00:00.000Z');
  const { lead } = await bg.send<{ lead: { id: string } }>('clip.save', { capture: makeCapture(), edits: {} });
  await bg.send('lead.update', { id: lead.id, edits: S_FACTS });
  const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
  const { task } = await bg.send<{ task: Task }>('task.accept', { draft: card.proposals[0], edits: { title: 'Call Acme’s buyer' } });
  const deps: ReminderDeps = { tasks: bg.tracker.tasks, leads: bg.leads, now: bg.tracker.now, translate: async () => translator('en') };
  return { bg, lead, task, deps };
}

const notifications = () => (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }).getAllCreateOptions();
const alarmTime = async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime ?? null;
const fireAlarm = async () => fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(REMINDER_ALARM))!);

describe('reminders', () => {
  it('arms one alarm for the next reminder, and notifies when it fires', async () => {
    const { bg, task, deps } = await withAcceptedTask();
    const catchUp = installReminders(deps);
    await catchUp();
    expect(await alarmTime()).toBe(Date.parse('2026-11-23T03:30:00.000Z'));
    expect(notifications()).toEqual({});

    bg.setNow('2026-11-23T03:30:00.000Z');
    await fireAlarm();
    await catchUp();
    expect(notifications()[`sidecar-task:${task.id}`]).toMatchObject({ title: 'Sidecar: Acme Robotics (S)', message: 'Call Acme’s buyer, due 2026-11-23 04:00 UTC' });
    // Shown once: nothing else is pending, so the alarm is cleared.
    expect((await bg.tracker.tasks.get(task.id))?.notifiedAt).toBe('2026-11-23T03:30:00.000Z');
    expect(await alarmTime()).toBeNull();
  });

  it('signed in to a team, reminds the rep of their own tasks only: a teammate’s synced task is theirs', async () => {
    const { bg, task, deps } = await withAcceptedTask();
    const mine = await bg.tracker.tasks.add({ ...task, title: 'My call', kind: null, assigneeId: 'rep-me' }, 'rep-me');
    const theirs = await bg.tracker.tasks.add({ ...task, title: 'Their call', kind: null, assigneeId: 'rep-teammate' }, 'rep-teammate');
    const catchUp = installReminders({ ...deps, me: async () => 'rep-me' });
    bg.setNow('2026-11-23T03:30:00.000Z');
    await catchUp();
    const shown = Object.keys(notifications());
    expect(shown).toContain(`sidecar-task:${mine.id}`);
    expect(shown).not.toContain(`sidecar-task:${theirs.id}`);
    // Not marked as shown, so the teammate's own browser still reminds them; and no alarm loops on it.
    expect((await bg.tracker.tasks.get(theirs.id))?.notifiedAt).toBeNull();
    expect(await alarmTime()).toBeNull();
  });

  it('survives the browser being closed: a restart re-arms from the database and shows what was missed, once', async () => {
    const { bg, task, deps } = await withAcceptedTask();
    await installReminders(deps)();
    const later = await bg.tracker.tasks.add({ ...task, title: 'Weekly meeting', kind: 'weekly_meeting', dueAt: '2026-11-30T02:00:00.000Z', remindAt: '2026-11-30T01:30:00.000Z' }, null);

    // The browser is closed at 03:00 (its alarms may be dropped) and opened again at 09:00.
    fakeBrowser.reset();
    bg.setNow('2026-11-23T09:00:00.000Z');
    const catchUp = installReminders(deps);
    await catchUp();
    expect(Object.keys(notifications())).toEqual([`sidecar-task:${task.id}`]);
    expect(notifications()[`sidecar-task:${task.id}`]!.message).toBe('Call Acme’s buyer, overdue since 2026-11-23 04:00 UTC');
    expect(await alarmTime()).toBe(Date.parse(later.remindAt!));

    // The start-up event arrives too; the reminder already shown is not shown again.
    await fakeBrowser.notifications.clear(`sidecar-task:${task.id}`);
    await fakeBrowser.runtime.onStartup.trigger();
    await catchUp();
    expect(notifications()).toEqual({});
  });

  it('a task done or rescheduled before its reminder does not remind at the old time', async () => {
    const { bg, task, deps } = await withAcceptedTask();
    const catchUp = installReminders(deps);
    await bg.send('task.change', { id: task.id, change: { remindAt: '2026-11-23T06:00:00.000Z' } });
    await catchUp();
    expect(await alarmTime()).toBe(Date.parse('2026-11-23T06:00:00.000Z'));
    await bg.send('task.change', { id: task.id, change: { status: 'done' } });
    await catchUp();
    expect(await alarmTime()).toBeNull();
    bg.setNow('2026-11-23T07:00:00.000Z');
    await catchUp();
    expect(notifications()).toEqual({});
  });

  it('clicking a reminder opens the lead in the popup page; other notifications are left alone', async () => {
    const { bg, lead, task, deps } = await withAcceptedTask();
    bg.advance(90 * MINUTE);
    await installReminders(deps)();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`sidecar-task:${task.id}`);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(new RegExp(`/popup\\.html\\?lead=${lead.id}$`)), active: true }));
    expect(notifications()[`sidecar-task:${task.id}`]).toBeUndefined();

    opened.mockClear();
    await fakeBrowser.notifications.onClicked.trigger('someone-else:1');
    expect(opened).not.toHaveBeenCalled();
  });

  it('reminds in Chinese when that is the rep’s language', async () => {
    const { bg, task, deps } = await withAcceptedTask();
    bg.setNow('2026-11-23T05:00:00.000Z');
    await installReminders({ ...deps, translate: async () => translator('zh_CN') })();
    expect(notifications()[`sidecar-task:${task.id}`]).toMatchObject({ title: 'Sidecar：Acme Robotics（S）', message: 'Call Acme’s buyer，已于 2026-11-23 04:00 UTC 逾期' });
  });
});
