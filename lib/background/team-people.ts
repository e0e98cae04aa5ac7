import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { loadBackend } from '../settings/backend-store';
import { TeamMembersResponse } from '../sync/protocol';
import { callTeamServer } from './team-server';

/** The team's people as last fetched, per account: owners are shown by name offline too. */
const Cached = z.object({ accountId: z.string(), fetchedAt: z.number(), members: TeamMembersResponse.shape.members });
const cacheItem = storage.defineItem<unknown>('local:teamMembers');
/** People join a team rarely: a list this fresh is shown without asking the server again. */
const FRESH_MS = 15 * 60_000;

export interface TeamPeople {
  signedIn: boolean;
  /** The signed-in account's user id. */
  me: string | null;
  members: TeamMembersResponse['members'];
}

/**
 * The people of the team this browser is signed in to: from the server when the cached list is stale or
 * `refresh` asks, else (and when the server cannot be reached) the cached list. Signed out: nobody.
 */
export async function loadTeamPeople(options: { refresh?: boolean; doFetch?: typeof fetch; now?: () => number } = {}): Promise<TeamPeople> {
  const session = await loadBackend();
  if (!session) return { signedIn: false, me: null, members: [] };
  const now = options.now ?? Date.now;
  const parsed = Cached.safeParse(await cacheItem.getValue());
  const cached = parsed.success && parsed.data.accountId === session.account.id ? parsed.data : null;
  const me = session.account.id;
  if (cached && !options.refresh && now() - cached.fetchedAt < FRESH_MS) return { signedIn: true, me, members: cached.members };
  try {
    const answer = await callTeamServer({ path: '/v1/team/members', method: 'GET', schema: TeamMembersResponse, what: 'the list of your team', unreachable: "your team's people cannot be listed" }, options.doFetch);
    const members = answer?.members ?? [];
    await cacheItem.setValue({ accountId: me, fetchedAt: now(), members });
    return { signedIn: true, me, members };
  } catch (error) {
    if (cached) return { signedIn: true, me, members: cached.members };
    throw error;
  }
}
