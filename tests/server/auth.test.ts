import { expect, it } from 'vitest';
import { hashToken } from '../../server/accounts/tokens';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness, PASSWORD, type TestUser } from './harness';

describeEachBackend('signing in', (backend) => {
  const database = useMigratedDatabase(backend);

  it('a user signs in with email and password and the token says who they are', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const rep = users[0]!;
    const me = await h.call('GET', '/v1/auth/me', undefined, rep.token);
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ id: rep.id, email: rep.email, role: 'rep', teamId: rep.teamId, teamName: rep.teamName });
    // The email is matched case-insensitively.
    expect(await h.signIn(rep.email.toUpperCase())).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only a hash of each token', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const rows = await database().query<{ token_hash: string }>('SELECT token_hash FROM tokens WHERE user_id = $1', [users[0]!.id]);
    expect(rows.map((row) => row.token_hash)).toContain(hashToken(users[0]!.token));
    expect(rows.map((row) => row.token_hash)).not.toContain(users[0]!.token);
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const wrong = await h.call('POST', '/v1/auth/sign-in', { email: users[0]!.email, password: 'not the password' });
    const unknown = await h.call('POST', '/v1/auth/sign-in', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('unauthorized');
    expect(unknown.json).toEqual(wrong.json);
  });

  it('a token stops working when it expires', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    h.advance(29 * 24 * 3600 * 1000);
    expect((await h.call('GET', '/v1/auth/me', undefined, users[0]!.token)).status).toBe(200);
    h.advance(2 * 24 * 3600 * 1000);
    const expired = await h.call('GET', '/v1/auth/me', undefined, users[0]!.token);
    expect(expired.status).toBe(401);
    expect(expired.json.error).toEqual({ code: 'token_expired', message: expect.stringMatching(/sign in again/) });
  });

  it('signing out revokes that token only', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['rep']);
    const other = await h.signIn(users[0]!.email);
    expect((await h.call('POST', '/v1/auth/sign-out', undefined, users[0]!.token)).status).toBe(200);
    expect((await h.call('GET', '/v1/auth/me', undefined, users[0]!.token)).status).toBe(401);
    expect((await h.call('GET', '/v1/auth/me', undefined, other)).status).toBe(200);
  });

  it('an admin signs a member out on every device; nobody else can, and no one in another team', async () => {
    const h = createHarness(database());
    const { users } = await h.team(['admin', 'manager', 'rep']);
    const [admin, manager, rep] = users as [TestUser, TestUser, TestUser];
    const laptop = await h.signIn(rep.email);
    const outsider = (await h.team(['admin'])).users[0]!;

    expect((await h.call('POST', `/v1/team/members/${rep.id}/sign-out`, undefined, manager.token)).json.error.code).toBe('forbidden');
    expect((await h.call('POST', `/v1/team/members/${rep.id}/sign-out`, undefined, outsider.token)).status).toBe(404);
    expect((await h.call('GET', '/v1/auth/me', undefined, laptop)).status).toBe(200);

    const done = await h.call('POST', `/v1/team/members/${rep.id}/sign-out`, undefined, admin.token);
    expect(done).toMatchObject({ status: 200, json: { revoked: 2 } });
    for (const token of [rep.token, laptop]) {
      const refused = await h.call('GET', '/v1/auth/me', undefined, token);
      expect(refused.status).toBe(401);
      expect(refused.json.error.message).toMatch(/an admin signed you out.*sign in again/);
    }
    expect((await h.call('GET', '/v1/auth/me', undefined, manager.token)).status).toBe(200);
    expect((await h.call('GET', '/v1/auth/me', undefined, await h.signIn(rep.email))).status).toBe(200);
  });

  it('refuses requests without a token, or with a made-up one', async () => {
    const h = createHarness(database());
    const none = await h.call('GET', '/v1/sync/pull');
    expect(none.status).toBe(401);
    expect(none.json.error.message).toMatch(/sign in/);
    expect((await h.call('GET', '/v1/sync/pull', undefined, 'A'.repeat(43))).status).toBe(401);
  });

  it('refuses a sign-in with unknown fields or no password', async () => {
    const h = createHarness(database());
    const extra = await h.call('POST', '/v1/auth/sign-in', { email: 'a@example.com', password: 'x', remember: true });
    expect(extra.status).toBe(400);
    expect(extra.json.error).toEqual({ code: 'invalid_request', message: expect.stringContaining('unknown field "remember": remove it') });
    expect((await h.call('POST', '/v1/auth/sign-in', 'not json')).status).toBe(400);
  });

  it('limits each token to its rate and says when to retry', async () => {
    const h = createHarness(database(), { rateLimit: { burst: 3, perSecond: 1 } });
    const { users } = await h.team(['rep']);
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/v1/auth/me', undefined, users[0]!.token)).status).toBe(200);
    const limited = await h.call('GET', '/v1/auth/me', undefined, users[0]!.token);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    h.advance(1000);
    expect((await h.call('GET', '/v1/auth/me', undefined, users[0]!.token)).status).toBe(200);
  });

  it('slows down repeated sign-in attempts for one email', async () => {
    const h = createHarness(database(), { signInRateLimit: { burst: 2, perSecond: 0.1 } });
    const { users } = await h.team(['rep']);
    const attempt = () => h.call('POST', '/v1/auth/sign-in', { email: users[0]!.email, password: 'guess guess guess' });
    // The harness signed in once already, so one attempt is left in the burst.
    expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    h.advance(10_000);
    expect((await h.call('POST', '/v1/auth/sign-in', { email: users[0]!.email, password: PASSWORD })).status).toBe(200);
  });
});
