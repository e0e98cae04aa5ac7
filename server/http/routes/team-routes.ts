import { Hono } from 'hono';
import { Id, TeamSettings } from '../../../lib/schema';
import { AssignPoolResponse, ClaimResponse, RecordHistoryResponse, TeamMembersResponse, TeamSettingsResponse } from '../../../lib/sync/protocol';
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
