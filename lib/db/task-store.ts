import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { SCHEMA_VERSION, Task, TaskChange, TaskFields, TaskStatus } from '../schema';
import type { SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import { LeadStoreError, StoreErrorCode } from './errors';

export type NewTask = z.input<typeof TaskFields>;

/** The rep's to-dos (shared/domain.md §4); only the background holds one. */
export class TaskStore {
  constructor(
    private readonly db: SidecarDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a new task, validated; refused (nothing written) when a field is not valid. */
  async add(fields: NewTask, ownerId: string | null, teamId: string | null = null): Promise<Task> {
    const parsed = TaskFields.parse(fields);
    const { db } = this;
    return db.transaction('rw', [db.tasks, db.meta], async () => {
      const now = this.now();
      const stamp = await nextStamp(db, now.getTime());
      const at = now.toISOString();
      const versions = Object.fromEntries(Object.keys(parsed).map((field) => [field, stamp]));
      const task = Task.parse({ ...parsed, id: uuidv7(), schemaVersion: SCHEMA_VERSION, teamId, ownerId, createdAt: at, updatedAt: at, deletedAt: null, versions });
      await db.tasks.add(task);
      return task;
    });
  }

  async get(id: string): Promise<Task | undefined> {
    const task = await this.db.tasks.get(id);
    return task && !task.deletedAt ? task : undefined;
  }

  /** The lead's open tasks, soonest due first. */
  async openForLead(leadId: string): Promise<Task[]> {
    const tasks = await this.db.tasks.where('leadId').equals(leadId).filter((t) => t.status === 'open' && !t.deletedAt).toArray();
    return tasks.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  /** Open tasks of every lead that were due before `now`, the longest overdue first. */
  async overdue(now: string, limit: number): Promise<Task[]> {
    return this.db.tasks
      .where('[status+dueAt]')
      .between(['open', Dexie.minKey], ['open', now])
      .filter((t) => !t.deletedAt)
      .limit(limit)
      .toArray();
  }

  /** Open tasks whose reminder time has come and that have not reminded yet. */
  /**
   * Open tasks whose reminder is due and not shown yet. With `me` (the signed-in rep), only tasks for them:
   * their own, assigned to them, or nobody's; a teammate's tasks, which sync in too, are theirs to be reminded of.
   */
  async dueReminders(now: string, me: string | null = null): Promise<Task[]> {
    return this.db.tasks
      .where('[status+remindAt]')
      .between(['open', Dexie.minKey], ['open', now], true, true)
      .filter((t) => t.notifiedAt === null && !t.deletedAt && isFor(t, me))
      .toArray();
  }

  /** When the next reminder is due, or null when no open task has one pending. */
  async nextReminderAt(me: string | null = null): Promise<string | null> {
    const next = await this.db.tasks
      .where('[status+remindAt]')
      .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
      .filter((t) => t.notifiedAt === null && !t.deletedAt && isFor(t, me))
      .first();
    return next?.remindAt ?? null;
  }

  async markNotified(ids: readonly string[], at: string): Promise<void> {
    await this.db.tasks.where('id').anyOf([...ids]).modify({ notifiedAt: at });
  }

  /**
   * Applies the rep's change; a new due or reminder time re-arms the reminder. Refused when the task is gone or
   * a value is not valid, writing nothing.
   */
  async change(id: string, change: TaskChange): Promise<Task> {
    const edits = TaskChange.parse(change);
    const { db } = this;
    return db.transaction('rw', [db.tasks, db.meta], async () => {
      const task = await this.get(id);
      if (!task) throw new LeadStoreError(StoreErrorCode.NotFound, 'That task no longer exists.');
      const fields = (Object.keys(edits) as Array<keyof TaskChange>).filter((field) => edits[field] !== undefined && edits[field] !== task[field]);
      if (fields.length === 0) return task;
      const now = this.now();
      const stamp = await nextStamp(db, now.getTime());
      const rearm = fields.includes('remindAt') || fields.includes('dueAt');
      const next = Task.parse({
        ...task,
        ...edits,
        notifiedAt: rearm ? null : task.notifiedAt,
        updatedAt: now.toISOString(),
        versions: { ...task.versions, ...Object.fromEntries(fields.map((field) => [field, stamp])) },
      });
      await db.tasks.put(next);
      return next;
    });
  }

  async setStatus(id: string, status: z.infer<typeof TaskStatus>): Promise<Task> {
    return this.change(id, { status });
  }
}

/** Whether a task is the rep's to be reminded of: anyone's when nobody is signed in, else theirs or nobody's. */
function isFor(task: Task, me: string | null): boolean {
  const holder = task.assigneeId ?? task.ownerId;
  return me === null || holder === null || holder === me;
}
