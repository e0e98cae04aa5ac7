import type { Caller } from '../accounts/accounts';
import type { Queryable } from '../db/sql-database';
import { matchingRule, pickAssignee } from '../../lib/playbook/assignment';
import { OPEN_STAGES } from '../../lib/playbook/open-stages';
import type { AssignmentSettings, Lead } from '../../lib/schema';
import type { ServerClock } from './server-clock';
import { loadTeamSettings, storedTeamSettings, teamMemberIds } from './team-settings';

/** What assigning needs of a transaction: the push's context satisfies it, and so does a pool run. */
export interface AssignmentScope {
  tx: Queryable;
  caller: Caller;
  clock: ServerClock;
  nowIso: string;
  /** The team's `settings` column when the caller read it already (a push does, with the team's lock). */
  storedSettings?: unknown;
}

/** The team's rules, members and each assignee's open leads, loaded once per transaction and kept up to date in it. */
interface Assigner {
  settings: AssignmentSettings;
  members: Set<string>;
  openLeads: Map<string, number>;
}

const assigners = new WeakMap<AssignmentScope, Promise<Assigner | null>>();

async function loadAssigner(scope: AssignmentScope): Promise<Assigner | null> {
  const settings = scope.storedSettings !== undefined ? storedTeamSettings(scope.storedSettings) : (await loadTeamSettings(scope.tx, scope.caller.teamId)).settings;
  if (settings.assignment.rules.length === 0) return null;
  const assignees = [...new Set(settings.assignment.rules.flatMap((rule) => rule.assignees))];
  const [members, counts] = await Promise.all([
    teamMemberIds(scope.tx, scope.caller.teamId),
    scope.tx.query<{ owner_id: string; open: number }>(
      `SELECT owner_id, count(*) AS open FROM records
        WHERE team_id = $1 AND kind = 'leads' AND NOT deleted AND owner_id = ANY($2::text[]) AND stage = ANY($3::text[])
        GROUP BY owner_id`,
      [scope.caller.teamId, assignees, OPEN_STAGES],
    ),
  ]);
  return { settings: settings.assignment, members, openLeads: new Map(counts.map((row) => [row.owner_id, Number(row.open)])) };
}

function assignerFor(scope: AssignmentScope): Promise<Assigner | null> {
  let assigner = assigners.get(scope);
  if (!assigner) assigners.set(scope, (assigner = loadAssigner(scope)));
  return assigner;
}

/**
 * Gives a lead that is new to the team to the person the team's assignment rules name (shared/domain.md §2),
 * and records when, so that its response deadline starts then. A lead no rule matches, or one a rep clipped
 * for themselves while the rules only place unowned leads, is returned as it came.
 */
export async function assignByRules(scope: AssignmentScope, lead: Lead, options: { onlyUnowned?: boolean } = {}): Promise<Lead> {
  if (lead.deletedAt !== null) return lead;
  const assigner = await assignerFor(scope);
  if (!assigner) return lead;
  const onlyUnowned = options.onlyUnowned || assigner.settings.appliesTo === 'unowned';
  if (onlyUnowned && lead.ownerId !== null) return lead;
  const rule = matchingRule(assigner.settings, lead);
  const ownerId = rule && pickAssignee(rule, assigner.openLeads, assigner.members);
  if (!ownerId || ownerId === lead.ownerId) return lead;
  if (OPEN_STAGES.includes(lead.stage)) {
    assigner.openLeads.set(ownerId, (assigner.openLeads.get(ownerId) ?? 0) + 1);
    if (lead.ownerId) assigner.openLeads.set(lead.ownerId, Math.max(0, (assigner.openLeads.get(lead.ownerId) ?? 1) - 1));
  }
  const stamp = scope.clock.stampAfter(Object.values(lead.versions));
  return {
    ...lead,
    ownerId,
    assignedAt: scope.nowIso,
    updatedAt: scope.nowIso > lead.updatedAt ? scope.nowIso : lead.updatedAt,
    versions: { ...lead.versions, ownerId: stamp, assignedAt: stamp },
  };
}
