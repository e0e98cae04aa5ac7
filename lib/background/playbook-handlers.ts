import { LeadStoreError, StoreErrorCode, logTouch, overdueFollowUps } from '../db';
import { type AgendaItem, ErrorCode, type Handlers, SidecarError } from '../messaging';
import { TaskKind, taskFromDraft, type TaskDraft } from '../playbook';
import { writeTierOverride } from '../db/tier-override-store';
import { applyTierOverride, clearTierOverride } from '../score';
import type { LeadTracker } from './lead-tracker';

type PlaybookMessage = 'lead.card' | 'lead.logTouch' | 'lead.overrideTier' | 'task.accept' | 'task.change' | 'agenda.overdue';
export type PlaybookHandlers = Pick<Handlers, PlaybookMessage>;

/** Touching the lead does these: the task that asked for the touch is done. */
const DONE_BY_A_TOUCH: readonly string[] = [TaskKind.enum.first_response, TaskKind.enum.follow_up, TaskKind.enum.share_news];

/**
 * The popup's playbook messages: the lead card, logging a touch, a manager's tier override, accepting and
 * changing tasks, and what is overdue across leads. `repName` names who acted, in the histories.
 */
export function playbookHandlers(tracker: LeadTracker | null, repName: () => Promise<string>, onTasksChanged: () => Promise<void> = async () => {}): PlaybookHandlers {
  const need = (): LeadTracker => {
    if (!tracker) throw new SidecarError(ErrorCode.Internal, 'Tasks and history are not available in this context.');
    return tracker;
  };
  const liveLead = async (t: LeadTracker, id: string) => {
    const lead = await t.leads.get(id);
    if (!lead) throw new SidecarError(ErrorCode.NotFound, 'That lead no longer exists.');
    return lead;
  };
  return {
    'lead.card': async (request) => {
      const t = need();
      const lead = 'leadId' in request ? await t.leads.get(request.leadId) : await t.leads.findForUrl(request.url);
      return { card: lead ? await t.card(lead) : null };
    },
    'lead.logTouch': async (touch) => {
      const t = need();
      const lead = await liveLead(t, touch.leadId);
      const by = (await repName()) || null;
      // The record, the tasks it completes and the stage it moves to are written together, or not at all.
      const { db } = t;
      const moved = await db.transaction('rw', [db.activities, db.tasks, db.leads, db.meta], async () => {
        await logTouch(db, touch, { ownerId: lead.ownerId, now: t.now() });
        for (const task of await t.tasks.openForLead(lead.id)) {
          if (task.kind && DONE_BY_A_TOUCH.includes(task.kind)) await t.tasks.setStatus(task.id, 'done');
        }
        // A first touch of a lead not contacted yet moves it to initial contact (shared/domain.md §4).
        return lead.stage === 'not_contacted' ? ((await t.leads.update(lead.id, { stage: 'initial_contact' })) ?? lead) : lead;
      });
      const stored = await t.afterWrite(moved, await t.leads.contactsOf(lead.id), by);
      await onTasksChanged();
      return { lead: stored };
    },
    'lead.overrideTier': async ({ leadId, tier, reason }) => {
      const t = need();
      const lead = await liveLead(t, leadId);
      const by = await repName();
      if (!by) throw new SidecarError(ErrorCode.InvalidMessage, 'Set your name in Sidecar’s options first: an override records who made it.');
      if (!(await t.mayOverrideTiers())) throw new SidecarError(ErrorCode.InvalidMessage, 'Only a manager or admin of your team can override a tier: ask your manager.');
      const before = await t.history.tierState(leadId);
      const now = t.now();
      const at = now.toISOString();
      // The rules check the override (a reason, a name); the lead carries it to the team, and afterWrite
      // records it in the tier history as it would a teammate's.
      const result = tier ? applyTierOverride(before, { tier, reason, by, at }) : clearTierOverride(before, { by, at, reason });
      if (!result.ok) throw new SidecarError(ErrorCode.InvalidMessage, result.error.message);
      if (!tier && !lead.tierOverride?.tier && !before.override) return { lead };
      const value = tier ? result.data.override! : { tier: null, by, at, reason: reason.trim() || null };
      const written = (await writeTierOverride(t.db, leadId, value, now)) ?? lead;
      return { lead: await t.afterWrite(written, await t.leads.contactsOf(leadId), by) };
    },
    'task.accept': async ({ draft, edits }) => {
      const t = need();
      const lead = await liveLead(t, draft.leadId);
      const fields = taskFromDraft(draft, { ...edits, remindAt: edits.remindAt === undefined ? movedReminder(draft, edits.dueAt, t.now()) : edits.remindAt });
      if (!fields.ok) throw new SidecarError(ErrorCode.InvalidMessage, fields.error.message);
      const task = await t.tasks.add({ ...fields.data, kind: draft.kind }, lead.ownerId, lead.teamId);
      await onTasksChanged();
      return { task };
    },
    'task.change': async ({ id, change }) => {
      const t = need();
      try {
        const task = await t.tasks.change(id, change);
        await onTasksChanged();
        return { task };
      } catch (error) {
        if (error instanceof LeadStoreError && error.code === StoreErrorCode.NotFound) throw new SidecarError(ErrorCode.NotFound, error.message);
        throw error;
      }
    },
    'agenda.overdue': async ({ limit }) => ({ items: await overdueAgenda(need(), limit) }),
  };
}

/**
 * A task the rep moved keeps its reminder as long before it as the playbook put it (never in the past), so a
 * follow-up pushed to tomorrow does not remind today.
 */
function movedReminder(draft: TaskDraft, dueAt: string | undefined, now: Date): string {
  if (dueAt === undefined || dueAt === draft.dueAt) return draft.remindAt;
  const ahead = Date.parse(draft.dueAt) - Date.parse(draft.remindAt);
  return new Date(Math.max(Date.parse(dueAt) - ahead, now.getTime())).toISOString();
}

/** Overdue open tasks and leads past their next follow-up, the longest overdue first. */
async function overdueAgenda(t: LeadTracker, limit: number): Promise<AgendaItem[]> {
  const now = t.now().toISOString();
  const [tasks, leads] = await Promise.all([t.tasks.overdue(now, limit), overdueFollowUps(t.db, now, limit)]);
  const items: AgendaItem[] = [];
  for (const task of tasks) {
    const lead = await t.leads.get(task.leadId);
    if (!lead) continue;
    items.push({ kind: 'task', leadId: lead.id, leadName: lead.name, leadDomain: lead.domain, tier: lead.tier, dueAt: task.dueAt, title: task.title, priority: task.priority, taskId: task.id });
  }
  for (const lead of leads) {
    items.push({ kind: 'follow_up', leadId: lead.id, leadName: lead.name, leadDomain: lead.domain, tier: lead.tier, dueAt: lead.nextFollowUpAt!, title: null, priority: null, taskId: null });
  }
  return items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)).slice(0, limit);
}
