import { z } from 'zod';
import { OPEN_STAGES } from './open-stages';
import { Channel, Id, Priority, Timestamp, type Activity, type Lead, type TeamSettings, type Tier } from '../schema';
import { AskFact, EvidenceParams, ofLead, type LeadScore } from '../score';
import { nextFollowUp } from './next-follow-up';
import { phaseOverdue } from './phase-overdue';
import { responseDeadline } from './response-deadline';
import { TaskKind, taskPriority } from './task-priority';
import { DAY_MS, isBefore, latest, later } from './time';

/** A task the playbook proposes; the rep accepts or edits it (`taskFromDraft`) before it becomes a Task. */
export const TaskDraft = z.object({
  leadId: Id,
  kind: TaskKind,
  /** i18n key of the title, `task_<kind>`, with its params. */
  titleKey: z.string(),
  params: EvidenceParams,
  dueAt: Timestamp,
  remindAt: Timestamp,
  priority: Priority,
  overdue: z.boolean(),
  /** shared/domain.md §3: phone for urgent checkpoints, email for material and light touches, meetings for S. */
  channel: Channel,
  /** Facts to find out on this touch (LeadScore.askNext). */
  askNext: z.array(AskFact),
  /** The follow-up record a "next step" task comes from, kept as Task.activityId so it is proposed once. */
  activityId: Id.nullable(),
});
export type TaskDraft = z.infer<typeof TaskDraft>;

export interface ProposeInput {
  lead: Lead;
  score: Pick<LeadScore, 'tier' | 'askNext'>;
  /** The tier in force when a manager overrode the score's (effectiveTier); the score's by default. */
  tier?: Tier;
  /** The lead's follow-up records; deleted ones and those of other leads are ignored. */
  activities: readonly Activity[];
  /** When the lead was assigned to the rep; its creation by default. */
  assignedAt?: string | null;
  /** When the lead entered its current stage (stageEnteredAt of the stage history), for phase limits. */
  stageEnteredAt?: string | null;
}

const MEETING_CHANNELS: readonly string[] = ['meeting', 'video', 'visit'];
/** A next step that sends something ("send the brochure", "发报价") is urgent, not important (§4). */
const SENDS_MATERIAL = /\b(?:send|share|email)\b.*\b(?:material|brochure|catalog(?:ue)?|datasheet|case stud(?:y|ies)|quote|quotation|deck|white ?paper)|资料|手册|报价|案例|白皮书|方案书|样本/i;

/**
 * The playbook's next tasks for one open lead (shared/domain.md §2-§4): the first response within the tier's
 * deadline, then the tier's cadence (S and A: a call; B and C: a light touch with content), S's weekly meeting,
 * the proposal once needs are confirmed, the last record's next step, and a review when a phase runs over.
 * Won, lost and after-sales leads get none. Each task's reminder comes `reminderMinutesBefore` its due time,
 * or now when that has passed.
 */
export function proposeTasks(input: ProposeInput, now: string, settings: TeamSettings): TaskDraft[] {
  const { lead, score } = input;
  if (!OPEN_STAGES.includes(lead.stage)) return [];
  const tier = input.tier ?? score.tier;
  const activities = ofLead(lead, input.activities).sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const last = activities.at(-1);
  const assignedAt = input.assignedAt ?? lead.assignedAt ?? lead.createdAt;
  const drafts: TaskDraft[] = [];
  const propose = (kind: TaskKind, dueAt: string, channel: TaskDraft['channel'], extra: Partial<Pick<TaskDraft, 'askNext' | 'activityId' | 'params'>> = {}) => {
    const overdue = isBefore(dueAt, now);
    const reminder = later(dueAt, -settings.reminderMinutesBefore * 60_000);
    drafts.push({
      leadId: lead.id,
      kind,
      titleKey: `task_${kind}`,
      params: { lead: lead.name, tier, ...extra.params },
      dueAt,
      remindAt: latest(reminder, now),
      priority: taskPriority(kind, tier, overdue),
      overdue,
      channel,
      askNext: extra.askNext ?? [],
      activityId: extra.activityId ?? null,
    });
  };

  if (!last) {
    propose('first_response', responseDeadline(tier, assignedAt, settings), 'phone', { askNext: score.askNext });
  } else {
    const { dueAt, basis } = nextFollowUp({ tier, assignedAt, lastTouchAt: last.occurredAt, agreedAt: last.nextFollowUpAt }, settings);
    const light = tier === 'B' || tier === 'C';
    propose(light ? 'share_news' : 'follow_up', dueAt, light ? 'email' : 'phone', { askNext: score.askNext, params: { basis } });
    if (last.nextStep) {
      const sends = SENDS_MATERIAL.test(last.nextStep);
      const due = sends ? later(last.occurredAt, DAY_MS) : (last.nextFollowUpAt ?? dueAt);
      propose(sends ? 'send_material' : 'next_step', due, sends ? 'email' : 'phone', { activityId: last.id, params: { text: last.nextStep } });
    }
    if (tier === 'S') {
      const lastMeeting = activities.filter((a) => MEETING_CHANNELS.includes(a.channel)).at(-1);
      const since = lastMeeting?.occurredAt ?? activities[0]!.occurredAt;
      propose('weekly_meeting', later(since, 7 * DAY_MS), 'meeting');
    }
  }

  if (lead.stage === 'needs_confirmed') {
    propose('prepare_proposal', later(input.stageEnteredAt ?? now, settings.cadenceDays[tier] * DAY_MS), 'email');
  }

  if (input.stageEnteredAt) {
    const phase = phaseOverdue({ tier, stage: lead.stage, enteredAt: input.stageEnteredAt }, now, settings);
    if (phase.overdue && phase.deadline) {
      propose('phase_review', phase.deadline, 'phone', { params: { stage: lead.stage, limitDays: phase.limitDays ?? 0 } });
    }
  }
  return drafts;
}
