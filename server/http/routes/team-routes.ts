import { Hono } from 'hono';
import { Id, TeamSettings } from '../../../lib/schema';
import { AssignPoolResponse, ClaimResponse, SignOutMemberResponse, RecordHistoryResponse, TeamMembersResponse, TeamSettingsResponse } from '../../../lib/sync/protocol';
import { signOutEverywhere } from '../../accounts/accounts';
import { assignPool } from '../../sync/assign-pool';
import { claimLead } from '../../sync/claim';
import { recordHistory } from '../../sync/record-history';
import { isManager } from '../../sync/permissions';
import { readTeamSettings, writeTeamSettings } from '../../sync/team-settings';
import { ApiError } from '../api-error';
import type { AppDeps, AppEnv } from '../app';
import { parseInput, readJson, reply } from '../validate';

const StrictTeamSettings = TeamSettings.strict();

export function teamRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/team/settings', async (c) => reply(c, TeamSettingsResponse, await readTeamSettings(deps, c.get('caller'))));
  routes.put('/team/settings', async (c) => {
    const caller = c.get('caller');
    if (!isManager(caller)) throw new ApiError('forbidden', 'only a manager or admin can change team settings: ask one of them');
    const settings = await readJson(c, StrictTeamSettings);
    return reply(c, TeamSettingsResponse, await writeTeamSettings(deps, caller, settings as TeamSettings));
  });
  routes.get('/team/members', async (c) => {
    const rows = await deps.db.query<{ id: string; email: string; role: 'admin' | 'manager' | 'rep' }>('SELECT id, email, role FROM users WHERE team_id = $1 ORDER BY email', [c.get('caller').teamId]);
    return reply(c, TeamMembersResponse, { members: rows });
  });
  routes.post('/team/members/:id/sign-out', async (c) => {
    const caller = c.get('caller');
    if (caller.role !== 'admin') throw new ApiError('forbidden', 'only an admin can sign a member out: ask one of them');
    const id = parseInput(Id, c.req.param('id'));
    const member = await deps.db.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [id, caller.teamId]);
    if (member.length === 0) throw new ApiError('not_found', `no member ${id} in your team: see GET /v1/team/members`);
    return reply(c, SignOutMemberResponse, { revoked: await signOutEverywhere(deps.db, id, deps.now()) });
  });
  routes.post('/team/assign-pool', async (c) => {
    const caller = c.get('caller');
    if (!isManager(caller)) throw new ApiError('forbidden', 'only a manager or admin can hand out the pool: ask one of them');
    return reply(c, AssignPoolResponse, await assignPool(deps, caller));
  });
  routes.post('/leads/:id/claim', async (c) => {
    const id = parseInput(Id, c.req.param('id'));
    return reply(c, ClaimResponse, await claimLead(deps, c.get('caller'), id));
  });
  routes.get('/records/:id/history', async (c) => {
    const id = parseInput(Id, c.req.param('id'));
    return reply(c, RecordHistoryResponse, await recordHistory(deps, c.get('caller'), id));
  });
  return routes;
}
