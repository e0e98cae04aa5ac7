import { ZodError, z } from 'zod';
import { ErrorCode, SidecarError, type Result } from './errors';
import { Envelope, protocol, type MessageType, type Protocol, type ResponseOf } from './protocol';

export interface MessageSender {
  /** The tab a content script runs in; absent for extension pages (popup, options). */
  tabId?: number;
  /** True when the message comes from one of our own extension pages rather than a content script. */
  fromExtensionPage: boolean;
  /** The URL of the frame that sent the message (for a content script: the page it runs in). */
  url?: string;
}

export type Handlers = {
  [T in MessageType]: (data: z.infer<Protocol[T]['request']>, sender: MessageSender) => Promise<ResponseOf<T>>;
};

/**
 * Validates a raw message and runs its handler. Content scripts live inside hostile pages, so nothing
 * from them is trusted: unknown types and malformed payloads are answered with a coded error, and no
 * handler failure can reach the caller as anything but an error value.
 */
export async function handleMessage(raw: unknown, sender: MessageSender, handlers: Handlers): Promise<Result<unknown>> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return fail(ErrorCode.InvalidMessage, 'The message has no type.');
  const type = envelope.data.type;
  if (!Object.hasOwn(protocol, type)) return fail(ErrorCode.UnknownMessage, `Unknown message "${type}".`);
  const messageType = type as MessageType;
  const request = protocol[messageType].request.safeParse(envelope.data.data);
  if (!request.success) {
    return fail(ErrorCode.InvalidMessage, `Malformed "${type}" request: ${z.prettifyError(request.error)}`);
  }
  try {
    const handler = handlers[messageType] as (data: unknown, sender: MessageSender) => Promise<unknown>;
    return { ok: true, data: await handler(request.data, sender) };
  } catch (error) {
    if (error instanceof SidecarError) return fail(error.code, error.message);
    if (error instanceof ZodError) return fail(ErrorCode.InvalidLead, `The lead is not valid: ${z.prettifyError(error)}`);
    if (error instanceof Error && /QuotaExceeded|ConstraintError|DatabaseClosed|OpenFailed/.test(error.name)) {
      return fail(ErrorCode.Storage, `Could not save: ${error.message}. Nothing was changed.`);
    }
    console.error(`Sidecar: "${type}" failed`, error);
    return fail(ErrorCode.Internal, 'Something went wrong in Sidecar; nothing was changed. Please try again.');
  }
}

const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
