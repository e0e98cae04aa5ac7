import type { LeadStore } from '../db';
import { badgeOf, type ToolbarBadge } from './tier-badge';

/** The badge for a tab's page: its company's lead (subdomains included), looked up by the page's company key. */
export async function badgeForUrl(leads: LeadStore, url: string | undefined, now: Date): Promise<ToolbarBadge | null> {
  if (!url || !/^https?:/i.test(url)) return null;
  return badgeOf(await leads.findForUrl(url), now);
}
