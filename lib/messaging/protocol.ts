import { z } from 'zod';
import { TaskDraft } from '../playbook';
import { AssignPoolResponse, TeamMembersResponse } from '../sync/protocol';
import { Contact, ContactPatch, Id, Lead, NewContact, LeadAssessment, LeadPatch, PageCapture, QuickTouch, RescoreStatus, Stage, Suggestion, Task, TaskChange, TeamSettings, Tier, Timestamp } from '../schema';
import { AgendaItem, LeadCard, TaskEdits } from './lead-card';
import { syncProtocol } from './sync-protocol';
import { webmailProtocol } from './webmail-protocol';

/** Another lead that is probably the same company: the sidebar offers "same company? merge". */
const PossibleDuplicate = z.object({ lead: Lead, reason: z.enum(['name', 'creditCode']) });
/** A lead as the sidebar shows it: with its contacts and what its completeness and screening are. */
const LeadView = z.object({ lead: Lead, contacts: z.array(Contact), assessment: LeadAssessment });

/**
 * Every message between content script, sidebar, popup, options and background, with its request and
 * response shapes. The background validates each request against this map before it acts.
 */
export const protocol = {
  /** Sidebar: what saving this capture would produce (existing lead merged, or a new draft). */
  'clip.preview': {
    request: z.object({ capture: PageCapture }),
    response: LeadView.extend({
      isNew: z.boolean(),
      addedFields: z.array(z.string()),
      savedContactIds: z.array(Id),
      possibleDuplicates: z.array(PossibleDuplicate),
      /** Enrichment's reading of the page (industry, size band, region), with its evidence. */
      suggestions: z.array(Suggestion),
    }),
  },
  /** Sidebar: save the capture with the rep's edits; `intoLeadId` files it into a lead the rep chose. */
  'clip.save': {
    request: z.object({ capture: PageCapture, edits: LeadPatch, intoLeadId: Id.optional() }),
    response: LeadView,
  },
  /** Sidebar: the rep says two leads are one company; `mergeId` is folded into `keepId`. */
  'lead.merge': {
    request: z.object({ keepId: Id, mergeId: Id }),
    response: LeadView,
  },
  'lead.forUrl': {
    request: z.object({ url: z.string().max(4096) }),
    response: z.object({ lead: Lead.nullable() }),
  },
  'lead.update': {
    request: z.object({ id: Id, edits: LeadPatch }),
    response: z.object({ lead: Lead }),
  },
  /** Sidebar: the rep adds a person to a saved lead, changes one (their role in the decision above all) or removes one. */
  'contact.add': { request: z.object({ leadId: Id, contact: NewContact }), response: LeadView },
  'contact.update': { request: z.object({ id: Id, edits: ContactPatch }), response: LeadView },
  'contact.remove': { request: z.object({ id: Id }), response: LeadView },
  'lead.recent': {
    request: z.object({ limit: z.number().int().min(1).max(100) }),
    response: z.object({ leads: z.array(Lead) }),
  },
  'lead.search': {
    request: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100) }),
    response: z.object({ leads: z.array(Lead) }),
  },
  /** Popup: open the sidebar on the active tab (the same path as the keyboard command and context menu). */
  'sidebar.openInTab': {
    request: z.object({ tabId: z.number().int().nonnegative() }),
    response: z.object({ opened: z.boolean() }),
  },
  /** Popup: the playbook's view of a lead (score, tier, follow-up, tasks), by id or by the page it is on. */
  'lead.card': {
    request: z.union([z.object({ leadId: Id }), z.object({ url: z.string().max(4096) })]),
    response: z.object({ card: LeadCard.nullable() }),
  },
  /** Popup: log a touch (a quick follow-up record); the lead is re-scored and its next follow-up moves. */
  'lead.logTouch': {
    request: QuickTouch,
    response: z.object({ lead: Lead }),
  },
  /** Popup: a manager overrides the tier with a reason, or lifts the override (`tier: null`). */
  'lead.overrideTier': {
    request: z.object({ leadId: Id, tier: Tier.nullable(), reason: z.string().max(500) }),
    response: z.object({ lead: Lead }),
  },
  /** Popup: the rep accepts a proposed task, with their edits. */
  'task.accept': {
    request: z.object({ draft: TaskDraft, edits: TaskEdits }),
    response: z.object({ task: Task }),
  },
  /** Popup: the rep completes, cancels, reschedules or renames a task. */
  'task.change': {
    request: z.object({ id: Id, change: TaskChange }),
    response: z.object({ task: Task }),
  },
  /** Popup: overdue tasks and follow-ups across all leads, the longest overdue first. */
  'agenda.overdue': {
    request: z.object({ limit: z.number().int().min(1).max(100) }),
    response: z.object({ items: z.array(AgendaItem) }),
  },
  /** Options: the team's scoring and playbook settings, and how the last re-score of every lead went. */
  'team.settings': {
    request: z.object({}),
    response: z.object({ settings: TeamSettings, rescore: RescoreStatus.nullable() }),
  },
  /** Options: the weighted forecast of every lead, by stage (shared/domain.md §8). */
  'pipeline.forecast': {
    request: z.object({}),
    response: z.object({
      currency: z.string(),
      weighted: z.number(),
      byStage: z.record(Stage, z.object({ count: z.number(), amount: z.number(), weighted: z.number() })),
      notComparable: z.number(),
    }),
  },
  /** Options: new team settings, validated by the background (the refusal names the wrong fields). */
  'team.saveSettings': {
    request: z.object({ settings: z.record(z.string(), z.unknown()) }),
    response: z.object({ settings: TeamSettings, rescoring: z.boolean() }),
  },
  /** Options: the people of the team this browser is signed in to, to choose assignees (none when signed out). */
  'team.members': {
    request: z.object({ refresh: z.boolean().optional() }),
    response: z.object({ signedIn: z.boolean(), me: z.string().nullable(), members: TeamMembersResponse.shape.members }),
  },
  /**
   * Popup: a page of the team's pool (公海), the live unowned leads, best first (tier, then the latest update); an
   * optional name prefix. Signed out there is no pool: `signedIn` false and no leads.
   */
  'lead.pool': {
    request: z.object({ limit: z.number().int().min(1).max(100), query: z.string().max(200).optional(), after: z.string().min(1).max(400).optional() }),
    response: z.object({
      signedIn: z.boolean(),
      leads: z.array(z.object({ lead: Lead, inPoolSince: Timestamp.nullable() })),
      total: z.number().int().nonnegative(),
      next: z.string().nullable(),
    }),
  },
  /** Options, managers: give the pool's unowned leads out by the assignment rules now. */
  'team.assignPool': { request: z.object({}), response: AssignPoolResponse },
  /** Webmail (issue #5): the thread's leads, logging an email once, manual logging, a lead from a signature. */
  ...webmailProtocol,
  /** Team sync (issue #6): sign-in, status, sync now. */
  ...syncProtocol,
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

/** The envelope on the wire; `data` is optional so that an unknown type is reported as unknown, not as malformed. */
export const Envelope = z.object({ type: z.string().max(64), data: z.unknown().optional() });
