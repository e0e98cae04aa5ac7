import { TaskStore, activitiesOf, type SidecarDatabase } from '../db';
import { findByOtherDomain, toLead } from '../db/company-lookup';
import type { WebmailLeadSummary } from '../messaging/webmail-protocol';
import type { Lead } from '../schema';

const LAST_TOUCHES = 3;
const OPEN_TASKS = 5;

/**
 * The lead of a company domain from a thread ("acme-gmbh.de"): by the unique domain index, else among the
 * domains leads took over in merges. Two indexed reads at most, whatever the number of leads stored: this is
 * the lookup the webmail benchmark measures.
 */
export async function leadForDomain(db: SidecarDatabase, domain: string): Promise<Lead | undefined> {
  const key = domain.toLowerCase();
  const row = await db.leads.get({ domain: key });
  if (row && !row.deletedAt) return toLead(row);
  return findByOtherDomain(db, key);
}

/** The lead as the webmail panel shows it: its last touches (newest first) and its open tasks (soonest first). */
export async function leadSummary(db: SidecarDatabase, lead: Lead): Promise<WebmailLeadSummary> {
  const [activities, tasks] = await Promise.all([activitiesOf(db, lead.id), new TaskStore(db).openForLead(lead.id)]);
  return {
    lead,
    lastTouches: activities
      .slice(-LAST_TOUCHES)
      .reverse()
      .map((a) => ({ id: a.id, occurredAt: a.occurredAt, channel: a.channel, direction: a.direction, subject: a.subject, summary: a.summary.slice(0, 300) })),
    openTasks: tasks.slice(0, OPEN_TASKS),
  };
}
