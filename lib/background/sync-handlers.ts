import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { SignInError } from './sync-account';
import type { SyncScheduler } from './sync-scheduler';
import { ClaimResponse } from '../sync/protocol';
import { callTeamServer } from './team-server';

export type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.signIn' | 'sync.signOut' | 'lead.claim'>;

/** The popup's sync line and the options page's sign-in. Signing in and out is for the options page only. */
export function syncHandlers(scheduler: SyncScheduler | null, doFetch: typeof fetch = (...args) => fetch(...args)): SyncHandlers {
  const need = (): SyncScheduler => {
    if (!scheduler) throw new SidecarError(ErrorCode.Internal, 'Team sync is not available in this build.');
    return scheduler;
  };
  const fromOptions = (sender: { fromExtensionPage: boolean }) => {
    if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'Signing in to a team is done on the options page.');
  };
  return {
    'sync.status': async () => need().status(),
    'sync.now': async () => {
      await need().run('now');
      return need().status();
    },
    'sync.signIn': async (input, sender) => {
      fromOptions(sender);
      try {
        return await need().signIn(input);
      } catch (error) {
        if (error instanceof SignInError) throw new SidecarError(ErrorCode.InvalidMessage, error.message);
        throw error;
      }
    },
    'lead.claim': async ({ id }) => {
      const claimed = await callTeamServer(
        { path: `/v1/leads/${encodeURIComponent(id)}/claim`, method: 'POST', schema: ClaimResponse, what: 'the claim', unreachable: 'the lead was not claimed' },
        doFetch,
      );
      if (!claimed) throw new SidecarError(ErrorCode.InvalidMessage, 'Sign in to your team first: the pool is the team’s.');
      // The claim is the server's record: pull it now so this browser shows the new owner at once.
      await need().run('now');
      return { ownerId: claimed.lead.ownerId };
    },
    'sync.signOut': async (_input, sender) => {
      fromOptions(sender);
      return need().signOut();
    },
  };
}
