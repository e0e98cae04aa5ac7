import { browser } from 'wxt/browser';
import { ErrorCode, type Result } from './errors';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

/**
 * Sends a typed request to the background. Never throws: a missing or stopped background, or one that
 * answers something unexpected, comes back as an error value like any other.
 */
export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Result<ResponseOf<T>>> {
  try {
    const answer = (await browser.runtime.sendMessage({ type, data })) as Result<ResponseOf<T>> | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, error: { code: ErrorCode.Unreachable, message: 'The Sidecar background did not answer.' } };
  } catch (cause) {
    return {
      ok: false,
      error: { code: ErrorCode.Unreachable, message: `The Sidecar background is unreachable: ${String(cause)}` },
    };
  }
}
