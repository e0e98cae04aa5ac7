import type { z } from 'zod';
import { ErrorCode, SidecarError } from '../messaging';
import { loadBackend } from '../settings/backend-store';
import { ApiErrorBody } from '../sync/protocol';

export interface TeamServerRequest<S extends z.ZodType> {
  path: string;
  method: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** The answer's shape: anything else is refused, never passed on. */
  schema: S;
  /** What the call is for, as the rep would say it ("the settings"): the messages name it. */
  what: string;
  /** What did not happen when the server cannot be reached ("the team's settings were not changed"). */
  unreachable: string;
}

/**
 * One call to the team server this browser is signed in to, with the signed-in account's token. Resolves
 * with the checked answer, or null when signed out; failures are SidecarErrors that say what happened and
 * what to do (the server's own message when it refuses).
 */
export async function callTeamServer<S extends z.ZodType>(request: TeamServerRequest<S>, doFetch: typeof fetch = fetch): Promise<z.infer<S> | null> {
  const session = await loadBackend();
  if (!session) return null;
  let response: Response;
  try {
    response = await doFetch(`${session.url}${request.path}`, {
      method: request.method,
      headers: { authorization: `Bearer ${session.token}`, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new SidecarError(ErrorCode.Unreachable, `The team server at ${session.url} cannot be reached, so ${request.unreachable}. Try again when it can.`, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = ApiErrorBody.safeParse(json);
    throw new SidecarError(ErrorCode.InvalidMessage, `The team server refused ${request.what}: ${body.success ? body.data.error.message : `it answered ${response.status}`}.`);
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) throw new SidecarError(ErrorCode.Internal, 'The team server answered in a way this version of Sidecar does not understand.');
  return parsed.data;
}
