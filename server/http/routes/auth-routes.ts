import { Hono } from 'hono';
import { z } from 'zod';
import { signIn, signOut } from '../../accounts/accounts';
import { ApiError } from '../api-error';
import { Account, SignInRequest, SignInResponse } from '../../../lib/sync/protocol';
import type { AppDeps, AppEnv } from '../app';
import { readJson, reply } from '../validate';

/** Sign-in is public; sign-out and "who am I" need a token (`signedIn`, mounted behind the auth check). */
export function authRoutes(deps: AppDeps, { signedIn = false } = {}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  if (!signedIn) {
    routes.post('/sign-in', async (c) => {
      const { email, password } = await readJson(c, SignInRequest);
      const wait = deps.signInLimiter.take(email);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError('rate_limited', `too many sign-in attempts for ${email}: wait ${wait} s and try again`);
      }
      return reply(c, SignInResponse, await signIn(deps.db, email, password, deps.now()));
    });
    return routes;
  }
  routes.post('/sign-out', async (c) => {
    await signOut(deps.db, c.get('caller').tokenHash, deps.now());
    return reply(c, z.strictObject({ signedOut: z.literal(true) }), { signedOut: true });
  });
  routes.get('/me', (c) => {
    const { tokenHash: _hidden, ...account } = c.get('caller');
    return reply(c, Account, account);
  });
  return routes;
}
