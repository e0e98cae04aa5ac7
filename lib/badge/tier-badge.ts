import type { Lead, Tier } from '../schema';

/** What the toolbar icon shows for a site: the tier letter in the tier's colour, "!" when a follow-up is overdue. */
export interface ToolbarBadge {
  text: string;
  color: string;
}

/** The tier colours of components/styles.css, which the popup and sidebar use. */
export const TIER_COLOURS: Record<Tier, string> = { S: '#b91c1c', A: '#c2410c', B: '#1d4ed8', C: '#4b5563' };
const UNSCORED_COLOUR = '#6b7280';
const OVERDUE_MARK = '!';

/** The badge of a site's lead; null for a site without a lead, so the icon stays plain. */
export function badgeOf(lead: Pick<Lead, 'tier' | 'nextFollowUpAt' | 'stage'> | undefined, now: Date): ToolbarBadge | null {
  if (!lead) return null;
  const closed = lead.stage === 'won' || lead.stage === 'lost';
  const overdue = !closed && lead.nextFollowUpAt !== null && Date.parse(lead.nextFollowUpAt) < now.getTime();
  const letter = lead.tier ?? '';
  const text = `${letter}${overdue ? OVERDUE_MARK : ''}`;
  if (!text) return null;
  return { text, color: lead.tier ? TIER_COLOURS[lead.tier] : UNSCORED_COLOUR };
}
