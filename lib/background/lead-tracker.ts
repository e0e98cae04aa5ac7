import { HistoryStore, TaskStore, activitiesOf, type LeadStore, type SidecarDatabase } from '../db';
import { saveScoreInputs } from '../db/score-inputs';
import type { LeadCard } from '../messaging';
import { leadNextFollowUp, proposeTasks, recordStageChange, responseDeadline, stageEnteredAt, type TaskDraft } from '../playbook';
import { DEFAULT_TEAM_SETTINGS, overrideInForce, type Activity, type Contact, type Lead, type LeadPatch, type Task, type TeamSettings } from '../schema';
import { loadBackend } from '../settings/backend-store';
import { effectiveTier, followSyncedOverride, recordScore, scoreLead } from '../score';


export interface LeadTrackerOptions {
  now?: () => Date;
  /** The team's settings; the playbook's defaults until team settings sync (issue #6). */
  teamSettings?: () => Promise<TeamSettings>;
  /**
   * Whether this browser's rep may override tiers: managers and admins of the team signed in to; a rep working
   * alone (not signed in) is their own manager. Defaults to the signed-in account's role.
   */
  mayOverrideTiers?: () => Promise<boolean>;
}

/** Signed in to a team, only its managers and admins override tiers (the server refuses a rep's); alone, anyone. */
export async function signedInRoleMayOverride(): Promise<boolean> {
  const session = await loadBackend();
  return !session || session.account.role !== 'rep';
}

/**
 * Keeps what follows from a lead's facts in step with every write: its score and tier (a manager's override
 * wins), the history of tier and stage changes, and the playbook's next follow-up on the lead
 * (lead.nextFollowUpAt, indexed, so overdue leads are found without scoring them all).
 */
export class LeadTracker {
  readonly history: HistoryStore;
  readonly tasks: TaskStore;
  readonly now: () => Date;
  readonly mayOverrideTiers: () => Promise<boolean>;
  private readonly teamSettings: () => Promise<TeamSettings>;

  constructor(
    readonly db: SidecarDatabase,
    readonly leads: LeadStore,
    options: LeadTrackerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.teamSettings = options.teamSettings ?? (async () => DEFAULT_TEAM_SETTINGS);
    this.mayOverrideTiers = options.mayOverrideTiers ?? signedInRoleMayOverride;
    this.history = new HistoryStore(db);
    this.tasks = new TaskStore(db, this.now);
  }

  /**
   * Call after any write of a lead, its contacts or its activities; returns the lead as stored, with its tier and
   * next follow-up, and keeps its score facts (read by a re-score after a settings change). `by` names the rep.
   * One transaction, so two saves of a lead at once record each tier and stage change once.
   */
  async afterWrite(written: Lead, contacts: Contact[], by: string | null): Promise<Lead> {
    const settings = await this.teamSettings();
    const { db } = this;
    return db.transaction('rw', [db.leads, db.meta, db.activities, db.tierStates, db.leadHistory, db.scoreInputs], async () => {
      const [lead, activities, before, stages] = await Promise.all([
        this.leads.get(written.id).then((stored) => stored ?? written),
        activitiesOf(db, written.id),
        this.history.tierState(written.id),
        this.history.stageHistory(written.id),
      ]);
      const now = this.now().toISOString();
      const score = scoreLead({ lead, contacts, activities }, settings, now);
      // The override on the lead is the team's (set here or pulled from a teammate): the history follows it.
      const followed = followSyncedOverride(before, lead.tierOverride, now);
      const after = recordScore(followed, score);
      const scoreMoved = followed !== before || before.scored?.tier !== score.tier || before.scored?.total !== score.total;
      const stageMoved = recordStageChange(stages, { to: lead.stage, at: lead.updatedAt, by });
      await Promise.all([
        scoreMoved ? this.history.saveTierState(lead.id, before, after) : undefined,
        stageMoved.ok ? this.history.appendStageChanges(lead.id, stages, stageMoved.data) : undefined,
      ]);

      const tier = effectiveTier(after) ?? score.tier;
      const patch: LeadPatch = {};
      if (tier !== lead.tier) patch.tier = tier;
      const followUp = nextFollowUpOf({ ...lead, tier }, activities, settings);
      if ((followUp?.dueAt ?? null) !== lead.nextFollowUpAt) patch.nextFollowUpAt = followUp?.dueAt ?? null;
      const stored = Object.keys(patch).length === 0 ? lead : ((await this.leads.update(lead.id, patch)) ?? lead);
      // Last: any write of the lead in this transaction drops its score facts (lib/db/score-inputs.ts).
      await saveScoreInputs(db, stored, contacts, activities);
      return stored;
    });
  }

  /** The popup's view of a lead; never stored, computed for `now`. */
  async card(lead: Lead): Promise<LeadCard> {
    const [settings, contacts, activities, tierState, stageHistory, tasks] = await Promise.all([
      this.teamSettings(),
      this.leads.contactsOf(lead.id),
      activitiesOf(this.db, lead.id),
      this.history.tierState(lead.id),
      this.history.stageHistory(lead.id),
      this.tasks.openForLead(lead.id),
    ]);
    const now = this.now().toISOString();
    const score = scoreLead({ lead, contacts, activities }, settings, now);
    // The lead's own override is the team's: it is in force even before this device folded it into the history.
    const override = overrideInForce(lead);
    const tier = override?.tier ?? score.tier;
    const proposals = proposeTasks({ lead, score, tier, activities, stageEnteredAt: stageEnteredAt(stageHistory, lead.stage) }, now, settings);
    return {
      lead,
      score,
      tier,
      override,
      mayOverride: await this.mayOverrideTiers(),
      tierHistory: tierState.history,
      stageHistory,
      nextFollowUp: nextFollowUpOf({ ...lead, tier }, activities, settings),
      response: { dueAt: responseDeadline(tier, lead.assignedAt ?? lead.createdAt, settings), firstTouchAt: activities[0]?.occurredAt ?? null },
      tasks,
      proposals: proposals.filter((draft) => !alreadyAccepted(draft, tasks)),
      now,
    };
  }
}

/** The playbook's next follow-up of an open lead (none once won, lost or in after-sales care). */
function nextFollowUpOf(lead: Lead & { tier: NonNullable<Lead['tier']> }, activities: readonly Activity[], settings: TeamSettings) {
  return leadNextFollowUp(lead, lead.tier, activities.at(-1), settings);
}

/** A proposal the rep already turned into an open task (same kind; for a next step, the same record). */
function alreadyAccepted(draft: TaskDraft, tasks: readonly Task[]): boolean {
  return tasks.some((task) => task.kind === draft.kind && (draft.activityId === null || task.activityId === draft.activityId));
}
