import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeam, createUser } from '../../../server/accounts/accounts';
import { migrate } from '../../../server/db/migrate';
import { openPgliteDatabase } from '../../../server/db/pglite-database';
import type { SqlDatabase } from '../../../server/db/sql-database';
import { createApp } from '../../../server/http/app';
import { launchSidecarWith, PLAIN_HTTP_FLAGS, type SidecarBrowser } from './browser';

/** The host name the extension is told to sign in to; the browser maps it to the server's port. */
export const BACKEND_HOST = 'team.sidecar.test';
export const BACKEND_URL = `http://${BACKEND_HOST}`;
export const PASSWORD = 'correct horse battery staple';

/**
 * The real team server in this process, on 127.0.0.1 with an embedded PGlite database in a temporary folder.
 * `stop()` closes the port (the browsers see it unreachable) and `start()` opens it again on the same one.
 */
export async function startSyncServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sidecar-e2e-server-'));
  const db: SqlDatabase = await openPgliteDatabase(join(dataDir, 'pg'));
  await migrate(db);
  const app = createApp({ db });
  let server: ServerType | null = null;
  let port = 0;

  const start = () =>
    new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve(port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const closing = server as ServerType & { closeAllConnections?: () => void };
      closing.close(() => resolve());
      closing.closeAllConnections?.();
      server = null;
    });

  await start();
  return {
    db,
    port: () => port,
    start,
    stop,
    /**
     * A team and its people (reps unless `roles` says otherwise), made with the same functions as
     * `npm run server -- create-team/create-user`.
     */
    async team(name: string, emails: string[], roles: Record<string, 'admin' | 'manager' | 'rep'> = {}) {
      const team = await createTeam(db, name, new Date());
      for (const email of emails) await createUser(db, { teamId: team.id, email, role: roles[email] ?? 'rep', password: PASSWORD }, new Date());
      return team;
    },
    async close() {
      await stop();
      await db.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;

/**
 * launchSidecar (support/browser.ts) with one more host rule: the backend's host name goes to the team
 * server, every other host to the page server.
 */
export function launchSidecarWithBackend(userDataDir: string, pageServerPort: number, backendPort: number): Promise<SidecarBrowser> {
  return launchSidecarWith(userDataDir, {
    hostRules: `MAP ${BACKEND_HOST} 127.0.0.1:${backendPort}, MAP * 127.0.0.1:${pageServerPort}`,
    flags: PLAIN_HTTP_FLAGS,
  });
}
