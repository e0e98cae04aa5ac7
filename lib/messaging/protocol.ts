import { z } from 'zod';
import { Id, Lead, LeadPatch, PageCapture } from '../schema';

/**
 * Every message between content script, sidebar, popup, options and background, with its request and
 * response shapes. The background validates each request against this map before it acts.
 */
export const protocol = {
  /** Sidebar: what saving this capture would produce (existing lead merged, or a new draft). */
  'clip.preview': {
    request: z.object({ capture: PageCapture }),
    response: z.object({ lead: Lead, isNew: z.boolean(), addedFields: z.array(z.string()) }),
  },
  /** Sidebar: save the capture with the rep's edits. */
  'clip.save': {
    request: z.object({ capture: PageCapture, edits: LeadPatch }),
    response: z.object({ lead: Lead }),
  },
  'lead.forUrl': {
    request: z.object({ url: z.string().max(4096) }),
    response: z.object({ lead: Lead.nullable() }),
  },
  'lead.update': {
    request: z.object({ id: Id, edits: LeadPatch }),
    response: z.object({ lead: Lead }),
  },
  'lead.recent': {
    request: z.object({ limit: z.number().int().min(1).max(100) }),
    response: z.object({ leads: z.array(Lead) }),
  },
  'lead.search': {
    request: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100) }),
    response: z.object({ leads: z.array(Lead) }),
  },
  /** Popup: open the sidebar on the active tab (the same path as the keyboard command and context menu). */
  'sidebar.openInTab': {
    request: z.object({ tabId: z.number().int().nonnegative() }),
    response: z.object({ opened: z.boolean() }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

/** The envelope on the wire; `data` is optional so that an unknown type is reported as unknown, not as malformed. */
export const Envelope = z.object({ type: z.string().max(64), data: z.unknown().optional() });
