import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { SignInError } from './sync-account';
import type { SyncScheduler } from './sync-scheduler';

export type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.signIn' | 'sync.signOut'>;

/** The popup's sync line and the options page's sign-in. Signing in and out is for the options page only. */
export function syncHandlers(scheduler: SyncScheduler | null): SyncHandlers {
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
    'sync.signOut': async (_input, sender) => {
      fromOptions(sender);
      return need().signOut();
    },
  };
}
