import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Caller } from '../accounts/accounts';
import { authenticate } from '../accounts/accounts';
import type { SqlDatabase } from '../db/sql-database';
import { ServerClock } from '../sync/server-clock';
import { ApiError } from './api-error';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit';
import { authRoutes } from './routes/auth-routes';
import { syncRoutes } from './routes/sync-routes';
import { teamRoutes } from './routes/team-routes';

export type AppEnv = { Variables: { caller: Caller; body?: Promise<unknown> } };

export interface AppOptions {
  db: SqlDatabase;
  /** The clock for token expiry, server stamps and rate limits; tests inject one. */
  now?: () => Date;
  rateLimit?: RateLimitOptions;
  signInRateLimit?: RateLimitOptions;
  maxBodyBytes?: number;
  /** Bytes of records per pull page (server/sync/pull.ts MAX_PULL_BYTES by default). */
  maxPullBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface AppDeps {
  db: SqlDatabase;
  now: () => Date;
  clock: ServerClock;
  /** Sign-in attempts per email: 5 at once, then one every 10 s, so passwords cannot be guessed at speed. */
  signInLimiter: RateLimiter;
  maxPullBytes?: number;
}

export const SIGN_IN_RATE_LIMIT: RateLimitOptions = { burst: 5, perSecond: 0.1 };

/** The team backend as a Hono app: routes are thin, the work is in server/accounts and server/sync. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const deps: AppDeps = { db: options.db, now, maxPullBytes: options.maxPullBytes, clock: new ServerClock(() => now().getTime()), signInLimiter: new RateLimiter(options.signInRateLimit ?? SIGN_IN_RATE_LIMIT, () => now().getTime()) };
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, () => now().getTime());
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new ApiError('payload_too_large', `the request is larger than ${Math.round(maxBytes / 1024)} KB: send fewer mutations per push`);
      },
    }),
  );
  // The extension's pages call the server from their own origin; web pages get no CORS access.
  app.use('*', cors({ origin: (origin) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null), allowHeaders: ['authorization', 'content-type'], maxAge: 600 }));
  // For load balancers: healthy when the database answers.
  app.get('/health', async (c) => {
    await deps.db.query('SELECT 1');
    return c.json({ ok: true });
  });
  app.route('/v1/auth', authRoutes(deps));

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
    if (!match) throw new ApiError('unauthorized', 'sign in first: send the token from /v1/auth/sign-in as "Authorization: Bearer <token>"');
    const authenticating = authenticate(deps.db, match[1]!, now());
    // A body (a push's is some 250 KB) is read and parsed while the database checks the token, instead of
    // after; readJson takes it from here. Refused requests never look at it (nor at its failure to parse).
    if (c.req.method === 'POST') {
      const body = c.req.json();
      body.catch(() => {});
      c.set('body', body);
    }
    const caller = await authenticating;
    const wait = limiter.take(caller.tokenHash);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError('rate_limited', `too many requests: wait ${wait} s and try again`);
    }
    c.set('caller', caller);
    await next();
  });
  app.route('/v1/auth', authRoutes(deps, { signedIn: true }));
  app.route('/v1', syncRoutes(deps));
  app.route('/v1', teamRoutes(deps));

  app.notFound(() => {
    throw new ApiError('not_found', 'no such endpoint: see server/README.md for the API');
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    console.error('sidecar server: unexpected error', error);
    return c.json({ error: { code: 'internal', message: 'the server failed to handle this request; nothing was saved from it. Try again; if it persists, tell your admin' } }, 500);
  });
  return app;
}
