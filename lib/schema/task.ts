import { z } from 'zod';
import { Id, SyncedRecord, Timestamp, shortText } from './common';

/** shared/domain.md §4: to-dos are prioritised on the Eisenhower grid. */
export const Priority = z.enum(['urgent_important', 'important', 'urgent', 'neither']);
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);

export const TaskFields = z.object({
  leadId: Id,
  title: shortText.min(1),
  dueAt: Timestamp,
  remindAt: Timestamp.nullable(),
  assigneeId: z.string().max(64).nullable(),
  priority: Priority,
  status: TaskStatus,
  activityId: Id.nullable(),
  /** The playbook's task kind that proposed it (lib/playbook TaskKind), so it is not proposed twice; null for the rep's own. */
  kind: z.string().regex(/^[a-z_]{1,40}$/).nullable().default(null),
  /** When its reminder was shown, so a restarted browser does not remind twice. Local bookkeeping. */
  notifiedAt: Timestamp.nullable().default(null),
});
export const Task = SyncedRecord.extend(TaskFields.shape);
export type Task = z.infer<typeof Task>;

/** What the rep may change on a task: its words, times, priority and status. */
export const TaskChange = TaskFields.pick({ title: true, dueAt: true, remindAt: true, priority: true, status: true }).partial();
export type TaskChange = z.infer<typeof TaskChange>;
