import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { createTeam, createUser } from '../../server/accounts/accounts';
import { newToken } from '../../server/accounts/tokens';
import type { SqlDatabase } from '../../server/db/sql-database';
import { createApp, type AppOptions } from '../../server/http/app';
import type { Account, Role } from '../../lib/sync/protocol';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser extends Account {
  token: string;
}

/** A Hono app on `db` with a clock the test moves, and helpers to call it as a signed-in user. */
export function createHarness(db: SqlDatabase, options: Partial<AppOptions> = {}) {
  let nowMs = Date.UTC(2026, 10, 2, 9);
  const app = createApp({ db, now: () => new Date(nowMs), rateLimit: { burst: 10_000, perSecond: 10_000 }, signInRateLimit: { burst: 10_000, perSecond: 10_000 }, ...options });

  async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    if (text !== undefined) {
      headers['content-type'] = 'application/json';
      // As a browser's fetch or any HTTP client sends it (the body limit reads it instead of counting the body).
      headers['content-length'] = String(Buffer.byteLength(text));
    }
    const response = await app.request(path, { method, headers, body: text });
    const answer = await response.text();
    return { status: response.status, json: answer ? JSON.parse(answer) : null, headers: response.headers };
  }

  async function signIn(email: string, password = PASSWORD): Promise<string> {
    const { status, json } = await call('POST', '/v1/auth/sign-in', { email, password });
    if (status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(json)}`);
    return json.token;
  }

  /** A new team with one user per role given (names are unique per call, so tests can share a database). */
  async function team(roles: Role[] = ['admin', 'manager', 'rep', 'rep']): Promise<{ id: string; users: TestUser[] }> {
    const tag = randomBytes(4).toString('hex');
    const created = await createTeam(db, `team-${tag}`, new Date(nowMs));
    const users: TestUser[] = [];
    for (const [i, role] of roles.entries()) {
      const account = await createUser(db, { teamId: created.id, email: `${role}${i}-${tag}@example.com`, role, password: PASSWORD }, new Date(nowMs));
      users.push({ ...account, token: await signIn(account.email) });
    }
    return { id: created.id, users };
  }

  /**
   * A team whose users get tokens minted directly, skipping scrypt: for property tests that need many teams.
   * Sign-in itself is covered by auth.test.ts.
   */
  async function quickTeam(roles: Role[]): Promise<{ id: string; users: TestUser[] }> {
    const tag = randomBytes(4).toString('hex');
    const created = await createTeam(db, `quick-${tag}`, new Date(nowMs));
    const users: TestUser[] = [];
    for (const [i, role] of roles.entries()) {
      const id = uuidv7();
      const email = `${role}${i}-${tag}@example.com`;
      await db.query(`INSERT INTO users (id, team_id, email, role, password_salt, password_hash, created_at) VALUES ($1, $2, $3, $4, 'none', 'none', now())`, [id, created.id, email, role]);
      const { token, hash } = newToken();
      await db.query(`INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, now(), $3)`, [hash, id, new Date(nowMs + 365 * 86_400_000).toISOString()]);
      users.push({ id, email, role, teamId: created.id, teamName: created.name, token });
    }
    return { id: created.id, users };
  }

  return {
    app,
    quickTeam,
    call,
    signIn,
    team,
    advance(ms: number) {
      nowMs += ms;
    },
    now: () => new Date(nowMs),
  };
}
export type Harness = ReturnType<typeof createHarness>;
