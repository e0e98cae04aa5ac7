import { TaskStore, activitiesOf, type SidecarDatabase } from '../db';
import { toLead } from '../db/company-lookup';
import type { WebmailLeadSummary } from '../messaging/webmail-protocol';
import type { Lead } from '../schema';

const LAST_TOUCHES = 3;
const OPEN_TASKS = 5;

/**
 * The leads of a thread's company domains ("acme-gmbh.de"), in the order given (undefined where a company has
 * none): by the unique domain index, else among the domains leads took over in merges. Exact-key reads of
 * both indexes in one read transaction, whatever the number of leads stored: this is the lookup the webmail
 * benchmark measures.
 */
export async function leadsForDomains(db: SidecarDatabase, domains: readonly string[]): Promise<Array<Lead | undefined>> {
  const keys = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  if (keys.length === 0) return [];
  // One exact-key read per domain and index, all at once: each is a single getAll, where anyOf would walk a
  // cursor (a round trip per step).
  const [byDomain, byOther] = await db.transaction('r', db.leads, () =>
    Promise.all([
      Promise.all(keys.map((key) => db.leads.where('domain').equals(key).toArray())).then((found) => found.flat()),
      Promise.all(keys.map((key) => db.leads.where('otherDomains').equals(key).toArray())).then((found) => found.flat()),
    ]),
  );
  const found = new Map<string, Lead>();
  for (const row of byDomain) if (!row.deletedAt && row.domain) found.set(row.domain, toLead(row));
  // A domain a merge handed to another lead: used only where no lead has it as its own.
  for (const row of byOther) {
    if (row.deletedAt) continue;
    for (const key of row.otherDomains) if (keys.includes(key) && !found.has(key)) found.set(key, toLead(row));
  }
  return domains.map((domain) => found.get(domain.toLowerCase()));
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
