import { ApiErrorBody, SignInRequest, SignInResponse } from '../sync/protocol';
import { BackendSession } from '../settings/backend-store';

/** Why signing in failed, in words the rep can act on. */
export class SignInError extends Error {
  constructor(
    readonly code: 'invalid_url' | 'invalid_input' | 'wrong_credentials' | 'unreachable' | 'server',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignInError';
  }
}

/** The backend URL as the rep typed it, made canonical (a trailing slash and a path are dropped). */
export function normaliseBackendUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new SignInError('invalid_url', `"${input}" is not a web address: type the address your admin gave you, like https://crm.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SignInError('invalid_url', 'The backend address must start with https:// (or http:// on your own network).');
  return url.origin;
}

/** Signs in with email and password; the password goes to the server only and is never kept. */
export async function signIn(input: { url: string; email: string; password: string }, doFetch: typeof fetch = fetch): Promise<BackendSession> {
  const url = normaliseBackendUrl(input.url);
  const body = SignInRequest.safeParse({ email: input.email.trim(), password: input.password });
  if (!body.success) throw new SignInError('invalid_input', 'Type the email address and password of your team account.');
  let response: Response;
  try {
    response = await doFetch(`${url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body.data), signal: AbortSignal.timeout(20_000) });
  } catch (error) {
    throw new SignInError('unreachable', `The team backend at ${url} cannot be reached: check the address and your connection.`, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.status === 401) throw new SignInError('wrong_credentials', 'Wrong email or password.');
  if (!response.ok) {
    const error = ApiErrorBody.safeParse(json);
    throw new SignInError('server', error.success ? error.data.error.message : `The team backend answered ${response.status}; is ${url} a Sidecar backend?`);
  }
  const parsed = SignInResponse.safeParse(json);
  if (!parsed.success) throw new SignInError('server', `${url} did not answer like a Sidecar backend: check the address.`);
  return BackendSession.parse({ url, token: parsed.data.token, expiresAt: parsed.data.expiresAt, account: parsed.data.account });
}

/** Revokes the token on the server. Best effort: signing out locally never waits on an unreachable server. */
export async function signOut(session: BackendSession, doFetch: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await doFetch(`${session.url}/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, signal: AbortSignal.timeout(10_000) });
    return response.ok;
  } catch {
    return false;
  }
}
