import type { SidecarDatabase } from '../db';
import { poolPage } from '../db/pool-leads';
import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { loadBackend } from '../settings/backend-store';

export type PoolHandlers = Pick<Handlers, 'lead.pool'>;

/**
 * The popup's view of the team's pool (公海). The pool is the team's, so a browser signed in to no team has none;
 * claiming a lead from it is 'lead.claim' (sync-handlers.ts), which the server checks.
 */
export function poolHandlers(db: SidecarDatabase | null, signedIn: () => Promise<boolean> = async () => (await loadBackend()) !== null): PoolHandlers {
  return {
    'lead.pool': async ({ limit, query, after }) => {
      if (!db) throw new SidecarError(ErrorCode.Internal, 'The team pool is not available in this build.');
      if (!(await signedIn())) return { signedIn: false, leads: [], total: 0, next: null };
      return { signedIn: true, ...(await poolPage(db, { limit, query, after })) };
    },
  };
}
