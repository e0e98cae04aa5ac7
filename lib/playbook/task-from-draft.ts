import { TaskFields, type Priority } from '../schema';
import { RuleErrorCode, refused, type RuleResult } from '../score';
import type { z } from 'zod';
import type { TaskDraft } from './propose-tasks';

type TaskFieldsValue = z.infer<typeof TaskFields>;

export interface TaskEdits {
  /** The title as the rep reads it: the translated `titleKey`, or their own words. */
  title: string;
  dueAt?: string;
  remindAt?: string | null;
  priority?: z.infer<typeof Priority>;
  assigneeId?: string | null;
}

/** A proposal the rep accepted, with their edits, as the fields of a new open Task; refused when an edit is not valid. */
export function taskFromDraft(draft: TaskDraft, edits: TaskEdits): RuleResult<TaskFieldsValue> {
  const parsed = TaskFields.safeParse({
    leadId: draft.leadId,
    title: edits.title,
    dueAt: edits.dueAt ?? draft.dueAt,
    remindAt: edits.remindAt === undefined ? draft.remindAt : edits.remindAt,
    assigneeId: edits.assigneeId ?? null,
    priority: edits.priority ?? draft.priority,
    status: 'open',
    activityId: draft.activityId,
    // The kind travels with the task, so that the playbook does not propose it again and a touch completes it.
    kind: draft.kind,
  });
  return parsed.success ? { ok: true, data: parsed.data } : refused(RuleErrorCode.InvalidTask, 'The task is not valid', parsed.error);
}
