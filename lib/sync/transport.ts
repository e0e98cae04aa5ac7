import type { z } from 'zod';
import { ApiErrorBody, PullResponse, PushResponse, type PullRequest, type PushRequest } from './protocol';
import { SyncError } from './sync-error';

/** How the engine reaches the server; HttpTransport in the extension, an in-process app in tests. */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
}

export interface HttpTransportOptions {
  baseUrl: string;
  /** The bearer token from sign-in (read each time: the rep may sign in again meanwhile). */
  getToken: () => Promise<string | null> | string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The team backend over HTTP: every response is checked against the protocol before the engine sees it. */
export class HttpTransport implements SyncTransport {
  constructor(private readonly options: HttpTransportOptions) {}

  push(request: PushRequest): Promise<PushResponse> {
    return this.call('/v1/sync/push', request, PushResponse);
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.call('/v1/sync/pull', request, PullResponse);
  }

  private async call<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const token = await this.options.getToken();
    if (!token) throw new SyncError('unauthorized', 'not signed in: sign in to your team in Sidecar\'s options');
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SyncError('offline', 'the team server cannot be reached; changes are kept and sent when it can', { cause: error });
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw errorFrom(response, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('bad_response', 'the team server sent an answer this version of Sidecar does not understand; update Sidecar or tell your admin', { cause: parsed.error });
    return parsed.data;
  }
}

function errorFrom(response: Response, json: unknown): SyncError {
  const body = ApiErrorBody.safeParse(json);
  const message = body.success ? body.data.error.message : `the team server answered ${response.status}`;
  if (response.status === 401) return new SyncError('unauthorized', message);
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return new SyncError('rate_limited', message, { retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined });
  }
  if (response.status === 413) return new SyncError('too_large', message);
  if (response.status >= 400 && response.status < 500) return new SyncError('invalid_request', message);
  return new SyncError('server', message);
}
