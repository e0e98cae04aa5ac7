import type { LeadStore } from '../db';
import { ErrorCode, SidecarError, type Handlers } from '../messaging';
import { openSidebar } from './open-sidebar';

export function messageHandlers(leads: LeadStore, currentOwnerId: () => Promise<string | null>): Handlers {
  return {
    'clip.preview': async ({ capture }) => leads.previewClip(capture),
    'clip.save': async ({ capture, edits }) => ({ lead: await leads.saveClip(capture, edits, await currentOwnerId()) }),
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
