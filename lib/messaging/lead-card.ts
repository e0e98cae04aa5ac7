import { z } from 'zod';
import { StageChange, TaskDraft } from '../playbook';
import { Id, Lead, Priority, Task, Tier, Timestamp } from '../schema';
import { LeadScore, TierHistoryEntry, TierOverride } from '../score';

/**
 * Everything the toolbar popup shows about one lead: the score with its evidence and "ask next", the tier in
 * force (a manager's override wins) and its history, the stage history, the next follow-up and the response
 * deadline, open tasks and what the playbook proposes next.
 */
export const LeadCard = z.object({
  lead: Lead,
  score: LeadScore,
  tier: Tier,
  override: TierOverride.nullable(),
  /** Whether this rep may set or lift the override (a manager or admin of the team; anyone working alone). */
  mayOverride: z.boolean(),
  tierHistory: z.array(TierHistoryEntry),
  stageHistory: z.array(StageChange),
  nextFollowUp: z.object({ dueAt: Timestamp, basis: z.enum(['first_response', 'cadence', 'agreed']) }).nullable(),
  /** shared/domain.md §2 分配时限: the first contact is due by `dueAt`; `firstTouchAt` once it happened. */
  response: z.object({ dueAt: Timestamp, firstTouchAt: Timestamp.nullable() }),
  tasks: z.array(Task),
  proposals: z.array(TaskDraft),
  /** The instant the card was computed for, so countdowns agree with the background's clock. */
  now: Timestamp,
});
export type LeadCard = z.infer<typeof LeadCard>;

/** Something overdue across all leads: an open task, or a lead whose next follow-up has passed. */
export const AgendaItem = z.object({
  kind: z.enum(['task', 'follow_up']),
  leadId: Id,
  leadName: z.string(),
  leadDomain: z.string().nullable(),
  tier: Tier.nullable(),
  dueAt: Timestamp,
  title: z.string().nullable(),
  priority: Priority.nullable(),
  taskId: Id.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** The rep's edits of a proposed task before accepting it (lib/playbook taskFromDraft). */
export const TaskEdits = z.object({
  title: z.string().trim().min(1).max(300),
  dueAt: Timestamp.optional(),
  remindAt: Timestamp.nullable().optional(),
  priority: Priority.optional(),
});
