import { Hono } from 'hono';
import { PullRequest, PullResponse, PushRequest, PushResponse } from '../../../lib/sync/protocol';
import { pullChanges } from '../../sync/pull';
import { applyPush } from '../../sync/push';
import type { AppDeps, AppEnv } from '../app';
import { parseInput, readJson, reply } from '../validate';

export function syncRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/sync/push', async (c) => reply(c, PushResponse, await applyPush(deps, c.get('caller'), await readJson(c, PushRequest))));
  routes.get('/sync/pull', async (c) => reply(c, PullResponse, await pullChanges(deps, c.get('caller'), parseInput(PullRequest, c.req.query()))));
  routes.post('/sync/pull', async (c) => reply(c, PullResponse, await pullChanges(deps, c.get('caller'), await readJson(c, PullRequest))));
  return routes;
}
