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
});
export const Task = SyncedRecord.extend(TaskFields.shape);
export type Task = z.infer<typeof Task>;
