import type { Role } from '@/lib/sync/protocol';
import { saveBackend } from '@/lib/settings/backend-store';
import type { SqlDatabase } from '../../../server/db/sql-database';
import { createHarness, type TestUser } from '../../server/harness';

/**
 * A team on the in-process server, with this browser signed in as its first user (the background's stored
 * session), and a `fetch` that reaches the server without sockets; `requests()` counts the calls made.
 */
export async function signedInTeam(db: SqlDatabase, roles: Role[]) {
  const h = createHarness(db);
  const users = (await h.team(roles)).users as TestUser[];
  const me = users[0]!;
  await saveBackend({
    url: 'http://127.0.0.1:8787',
    token: me.token,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    account: { id: me.id, email: me.email, role: me.role, teamId: me.teamId, teamName: me.teamName },
  });
  let requests = 0;
  const fetchApp = ((input: string | URL | Request, init?: RequestInit) => (requests++, h.app.request(String(input), init))) as typeof fetch;
  return { h, users, me, fetchApp, requests: () => requests };
}
