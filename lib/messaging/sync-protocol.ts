import { z } from 'zod';
import { Id, Timestamp } from '../schema';
import { Role } from '../sync/protocol';

/** Where this browser stands with the team backend, for the popup's status line and the options page. */
export const SyncStatus = z.object({
  signedIn: z.boolean(),
  backendUrl: z.string().nullable(),
  account: z.object({ email: z.string(), teamName: z.string(), role: Role }).nullable(),
  lastSyncAt: Timestamp.nullable(),
  /** Local changes not yet accepted by the server. */
  pending: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  retryAt: Timestamp.nullable(),
  /** Changes the server refused (undone here) and values of the rep's that lost a same-field conflict. */
  rejections: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Team sync (issue #6): sign-in on the options page, status and "sync now" in the popup. */
export const syncProtocol = {
  'sync.status': { request: z.object({}), response: SyncStatus },
  /** Push and pull now (the popup opened); a failure is reported in the status, not as an error. */
  'sync.now': { request: z.object({}), response: SyncStatus },
  /** Options page only: sign in to a team backend; the password is sent to it and never stored. */
  'sync.signIn': {
    request: z.object({ url: z.string().trim().min(1).max(2048), email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
    response: SyncStatus,
  },
  /** Popup: the rep's values that lost a same-field conflict, newest first, with their leads. */
  'sync.lostValues': {
    request: z.object({ limit: z.number().int().min(1).max(100) }),
    response: z.object({
      items: z.array(
        z.object({ leadId: z.string().nullable(), leadName: z.string().nullable(), table: z.string(), field: z.string(), yours: z.string(), kept: z.string(), at: Timestamp }),
      ),
    }),
  },
  /** Popup: take an unowned lead from the team's pool (公海); the server refuses one another rep works. */
  'lead.claim': { request: z.object({ id: Id }), response: z.object({ ownerId: z.string().nullable() }) },
  /** Options page only: revoke the token on the server and forget it here. */
  'sync.signOut': { request: z.object({}), response: SyncStatus },
} as const;
