import type { LeadStore } from '../db';
import { scoreLead } from '../score';
import { DEFAULT_TEAM_SETTINGS, type Contact, type Lead } from '../schema';

/**
 * Re-scores a lead after a change and stores its tier when the tier moved, so the popup and lists show the
 * playbook's tier. Team settings use the playbook's defaults until they sync (#6); follow-up activities join
 * the score when they can be logged (#5).
 */
export async function withCurrentTier(leads: LeadStore, lead: Lead, contacts: Contact[]): Promise<Lead> {
  const { tier } = scoreLead({ lead, contacts, activities: [] }, DEFAULT_TEAM_SETTINGS, new Date().toISOString());
  if (tier === lead.tier) return lead;
  return (await leads.update(lead.id, { tier })) ?? lead;
}
