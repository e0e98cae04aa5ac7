import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { Account } from '../sync/protocol';

/** The team backend this browser profile is signed in to: its URL and a bearer token (never the password). */
export const BackendSession = z.object({
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
  expiresAt: z.string(),
  account: Account,
});
export type BackendSession = z.infer<typeof BackendSession>;

const item = storage.defineItem<unknown>('local:backend');

/** The session, or null when signed out (or when what is stored does not validate: sign in again). */
export async function loadBackend(): Promise<BackendSession | null> {
  const parsed = BackendSession.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveBackend(session: BackendSession): Promise<BackendSession> {
  const valid = BackendSession.parse(session);
  await item.setValue(valid);
  return valid;
}

export async function clearBackend(): Promise<void> {
  await item.removeValue();
}

/**
 * The backend's origin in the form the browser's host permissions take (`https://crm.example.com/*`), or null
 * for something that is not an http(s) URL. A path is kept out: permissions are per origin.
 */
export function backendOriginPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}
