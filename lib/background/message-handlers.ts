import type { LeadStore } from '../db';
import { registrableDomain } from '../domain';
import { ErrorCode, SidecarError, type Handlers, type MessageSender } from '../messaging';
import type { PageCapture } from '../schema';
import { openSidebar } from './open-sidebar';

/**
 * The domain is the lead's identity, so the background derives it from the captured URL itself, and a
 * content script may only file captures of the site it runs on.
 */
function trustedCapture(capture: PageCapture, sender: MessageSender): PageCapture {
  const domain = registrableDomain(capture.url);
  if (!sender.fromExtensionPage && sender.url !== undefined && registrableDomain(sender.url) !== domain) {
    throw new SidecarError(ErrorCode.InvalidMessage, 'A page can only clip itself.');
  }
  return { ...capture, domain };
}

export function messageHandlers(leads: LeadStore, currentOwnerId: () => Promise<string | null>): Handlers {
  return {
    'clip.preview': async ({ capture }, sender) => leads.previewClip(trustedCapture(capture, sender)),
    'clip.save': async ({ capture, edits }, sender) => ({
      lead: await leads.saveClip(trustedCapture(capture, sender), edits, await currentOwnerId()),
    }),
    'lead.forUrl': async ({ url }) => ({ lead: (await leads.findForUrl(url)) ?? null }),
    'lead.update': async ({ id, edits }) => {
      const lead = await leads.update(id, edits);
      if (!lead) throw new SidecarError(ErrorCode.NotFound, 'That lead no longer exists.');
      return { lead };
    },
    'lead.recent': async ({ limit }) => ({ leads: await leads.recent(limit) }),
    'lead.search': async ({ query, limit }) => ({ leads: await leads.search(query, limit) }),
    'sidebar.openInTab': async ({ tabId }, sender) => {
      // Only our own pages (the popup) may ask to script a tab; a content script inside a page may not.
      if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'Only the toolbar can open the sidebar.');
      await openSidebar(tabId);
      return { opened: true };
    },
  };
}
