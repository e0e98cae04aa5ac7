import { expect, it } from 'vitest';
import { HttpTransport, SyncError } from '../../../lib/sync';
import { describeEachBackend, useMigratedDatabase } from '../../server/backends';
import { createHarness } from '../../server/harness';
import { makeLead, stamper } from '../../server/records';

describeEachBackend('the HTTP transport', (backend) => {
  const database = useMigratedDatabase(backend);

  it('pushes and pulls with the bearer token, and turns error answers into sync errors with codes', async () => {
    const h = createHarness(database(), { rateLimit: { burst: 2, perSecond: 0.5 } });
    const { users } = await h.team(['rep']);
    const viaApp: typeof fetch = (input, init) => Promise.resolve(h.app.request(String(input), init));
    let token: string | null = users[0]!.token;
    const transport = new HttpTransport({ baseUrl: 'http://sidecar.test', getToken: () => token, fetch: viaApp });
    const lead = makeLead(stamper('a')());
    const pushed = await transport.push({ clientId: 'transport-test-1', mutations: [{ mutationId: 1, op: 'put', table: 'leads', record: lead as never }] });
    expect(pushed.results[0]!.status).toBe('applied');
    const pulled = await transport.pull({ after: 0, limit: 10 });
    expect(pulled.changes.map((c) => c.record.id)).toEqual([lead.id]);
    const limited = await transport.pull({ after: 0, limit: 10 }).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(SyncError);
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000 });
    token = 'A'.repeat(43);
    await expect(transport.pull({ after: 0, limit: 10 })).rejects.toMatchObject({ code: 'unauthorized', needsSignIn: true });
    token = null;
    await expect(transport.pull({ after: 0, limit: 10 })).rejects.toMatchObject({ code: 'unauthorized' });
    const offline = new HttpTransport({ baseUrl: 'http://sidecar.test', getToken: () => 'x'.repeat(43), fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(offline.pull({ after: 0, limit: 10 })).rejects.toMatchObject({ code: 'offline' });
  });

  it('answers CORS preflights from the extension, not from web pages', async () => {
    const h = createHarness(database());
    const ask = (origin: string) => h.app.request('/v1/sync/pull', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect((await ask('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
