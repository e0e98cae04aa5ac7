import { SidecarDatabase, TaskStore } from '@/lib/db';

const LEAD = '019a0f3e-5c00-7a00-8000-00000000a001';
const OTHER_LEAD = '019a0f3e-5c00-7a00-8000-00000000a002';
let counter = 0;

function store(now = '2026-11-23T02:00:00.000Z') {
  return new TaskStore(new SidecarDatabase(`task-store-${++counter}`), () => new Date(now));
}
const task = (overrides: Record<string, unknown> = {}) => ({
  leadId: LEAD,
  title: 'Call the buyer',
  dueAt: '2026-11-23T10:00:00.000Z',
  remindAt: '2026-11-23T09:30:00.000Z',
  assigneeId: null,
  priority: 'urgent_important' as const,
  status: 'open' as const,
  activityId: null,
  kind: 'follow_up',
  ...overrides,
});

describe('the rep’s tasks', () => {
  it('stores a task with sync bookkeeping and lists a lead’s open tasks soonest first', async () => {
    const tasks = store();
    const later = await tasks.add(task({ title: 'Send the deck', dueAt: '2026-11-25T10:00:00.000Z' }), 'rep-1');
    const sooner = await tasks.add(task(), 'rep-1');
    await tasks.add(task({ leadId: OTHER_LEAD }), null);
    expect(sooner).toMatchObject({ ownerId: 'rep-1', schemaVersion: 1, deletedAt: null, notifiedAt: null, createdAt: '2026-11-23T02:00:00.000Z' });
    expect(Object.keys(sooner.versions)).toContain('dueAt');
    expect((await tasks.openForLead(LEAD)).map((t) => t.id)).toEqual([sooner.id, later.id]);
  });

  it('refuses a task without a title or with an unreadable due time, writing nothing', async () => {
    const tasks = store();
    await expect(tasks.add(task({ title: '  ' }), null)).rejects.toThrow();
    await expect(tasks.add(task({ dueAt: 'tomorrow' }), null)).rejects.toThrow();
    expect(await tasks.openForLead(LEAD)).toEqual([]);
  });

  it('finds overdue open tasks across leads, not done ones or ones due later', async () => {
    const tasks = store();
    const overdueA = await tasks.add(task({ dueAt: '2026-11-20T10:00:00.000Z' }), null);
    const overdueB = await tasks.add(task({ leadId: OTHER_LEAD, dueAt: '2026-11-22T10:00:00.000Z' }), null);
    const done = await tasks.add(task({ dueAt: '2026-11-19T10:00:00.000Z' }), null);
    await tasks.setStatus(done.id, 'done');
    await tasks.add(task({ dueAt: '2026-11-24T10:00:00.000Z' }), null);
    expect((await tasks.overdue('2026-11-23T02:00:00.000Z', 10)).map((t) => t.id)).toEqual([overdueA.id, overdueB.id]);
  });

  it('knows the next reminder to show and which are due; a shown reminder is not due again until rescheduled', async () => {
    const tasks = store();
    const first = await tasks.add(task({ remindAt: '2026-11-23T09:30:00.000Z' }), null);
    await tasks.add(task({ remindAt: '2026-11-24T09:30:00.000Z' }), null);
    await tasks.add(task({ remindAt: null }), null);
    expect(await tasks.nextReminderAt()).toBe('2026-11-23T09:30:00.000Z');
    expect((await tasks.dueReminders('2026-11-23T09:30:00.000Z')).map((t) => t.id)).toEqual([first.id]);

    await tasks.markNotified([first.id], '2026-11-23T09:30:05.000Z');
    expect(await tasks.dueReminders('2026-11-23T12:00:00.000Z')).toEqual([]);
    expect(await tasks.nextReminderAt()).toBe('2026-11-24T09:30:00.000Z');

    const snoozed = await tasks.change(first.id, { remindAt: '2026-11-23T15:00:00.000Z' });
    expect(snoozed.notifiedAt).toBeNull();
    expect(await tasks.nextReminderAt()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('a completed task no longer reminds; a change to a task that is gone is refused', async () => {
    const tasks = store();
    const open = await tasks.add(task(), null);
    await tasks.setStatus(open.id, 'done');
    expect(await tasks.nextReminderAt()).toBeNull();
    await expect(tasks.change('019a0f3e-5c00-7a00-8000-00000000ffff', { status: 'done' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
