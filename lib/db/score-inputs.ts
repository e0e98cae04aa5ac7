import type { DBCore, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import { tablesOnce } from './tables-once';
import type { Activity, Contact, Lead } from '../schema';
import { scoreFactsOf, type ScoreFacts } from '../score/score-facts';
import { v7 as uuidv7 } from 'uuid';
import type { SidecarDatabase } from './database';

/**
 * A lead's score facts (lib/score/score-facts), one row per stored lead, keyed like tierStates by lead id; a
 * deleted lead's row says so and has none. `at` (UUIDv7) orders it against the marks of later writes.
 */
export interface ScoreInputsRow {
  leadId: string;
  facts: ScoreFacts | null;
  at: string;
  deleted?: true;
}

/**
 * Leads whose records were written (by a save, a sync pull, an import) after their facts were taken, as of `at`:
 * one row per write transaction however many leads it wrote, so that a bulk write pays one small write more.
 */
export interface StaleFactsRow {
  id?: number;
  at: string;
  leadIds: string[];
}

export function scoreInputsRowOf(lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): ScoreInputsRow {
  if (lead.deletedAt !== null) return { leadId: lead.id, facts: null, at: uuidv7(), deleted: true };
  return { leadId: lead.id, facts: scoreFactsOf(lead, contacts, activities), at: uuidv7() };
}

/**
 * Brings the lead's row in step after it or its contacts or activities changed. Call inside the writer's
 * transaction (it includes scoreInputs) or on its own, after the writes.
 */
export async function saveScoreInputs(db: SidecarDatabase, lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): Promise<void> {
  await db.scoreInputs.put(scoreInputsRowOf(lead, contacts, activities));
}

/**
 * Before a re-score: takes the facts again of every lead written since its facts were taken (marked in
 * staleFacts), from its records, a chunk per transaction, and clears the marks it handled. Leads saved through
 * LeadTracker.afterWrite have fresh facts already and are only looked at.
 */
export async function refreshStaleFacts(db: SidecarDatabase, chunkSize = 500): Promise<number> {
  const marks = await db.staleFacts.toArray();
  if (marks.length === 0) return 0;
  const latest = newestMarkByLead(marks);
  const ids = [...latest.keys()];
  let refreshed = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    refreshed += await db.transaction('rw', [db.leads, db.contacts, db.activities, db.scoreInputs], async () => {
      const rows = await db.scoreInputs.bulkGet(chunk);
      const stale = chunk.filter((leadId, i) => (rows[i]?.at ?? '') < latest.get(leadId)!);
      if (stale.length === 0) return 0;
      const [leads, contacts, activities] = await Promise.all([
        db.leads.bulkGet(stale),
        db.contacts.where('leadId').anyOf(stale).toArray(),
        db.activities.where('leadId').anyOf(stale).toArray(),
      ]);
      const contactsOf = groupByLead(contacts);
      const activitiesOf = groupByLead(activities);
      const fresh = stale.map((leadId, i) => {
        const lead = leads[i];
        return lead ? scoreInputsRowOf(lead, contactsOf.get(leadId) ?? [], activitiesOf.get(leadId) ?? []) : { leadId, facts: null, at: uuidv7(), deleted: true as const };
      });
      await db.scoreInputs.bulkPut(fresh);
      return fresh.length;
    });
  }
  await clearMarks(db, marks);
  return refreshed;
}

/** When each marked lead was last written without its facts being taken (the newest of its marks). */
export function newestMarkByLead(marks: readonly StaleFactsRow[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const mark of marks) for (const leadId of mark.leadIds) if ((latest.get(leadId) ?? '') < mark.at) latest.set(leadId, mark.at);
  return latest;
}

/** Deletes `marks` once handled; marks added since (a write meanwhile) stay for the next pass. */
export async function clearMarks(db: SidecarDatabase, marks: readonly StaleFactsRow[]): Promise<void> {
  const handled = Math.max(...marks.map((mark) => mark.id!));
  await db.staleFacts.where(':id').belowOrEqual(handled).delete();
}

function groupByLead<T extends { leadId: string }>(records: T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const record of records) {
    const list = byLead.get(record.leadId);
    if (list) list.push(record);
    else byLead.set(record.leadId, [record]);
  }
  return byLead;
}

const SCORED_TABLES = ['leads', 'contacts', 'activities'];
const derivedWrites = new WeakSet<object>();

/** A write that only stores what scoring derived (a re-score's tier): it leaves the score facts as they are. */
export function markDerivedWrite(trans: object): void {
  derivedWrites.add(trans);
}

/**
 * Any write of a lead, contact or activity (a rep's save, a record the team server sent, an import) marks the
 * leads it touched in the same transaction, so that a re-score never scores facts that are out of date
 * (refreshStaleFacts) and finds the leads stored without facts. One small row per transaction.
 */
export function installScoreInputsInvalidation(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-score-inputs',
    level: 5,
    create(down: DBCore): Partial<DBCore> {
      const hasMarks = () => down.schema.tables.some((table) => table.name === 'staleFacts');
      const downTable = tablesOnce((name) => down.table(name));
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some((name) => SCORED_TABLES.includes(name)) && !stores.includes('staleFacts') && hasMarks();
          return down.transaction(widen ? [...stores, 'staleFacts'] : stores, mode, options);
        },
        table: tablesOnce((name) => {
          const table = downTable(name);
          if (!SCORED_TABLES.includes(name)) return table;
          return {
            ...table,
            mutate: async (req) => {
              const trans = req.trans as DBCoreTransaction & Partial<IDBTransaction>;
              if ((req.type !== 'put' && req.type !== 'add') || trans.mode === 'versionchange' || derivedWrites.has(trans) || !hasMarks()) return table.mutate(req);
              const leadIds = new Set<string>();
              for (const value of req.values as Array<{ id?: unknown; leadId?: unknown }>) {
                const leadId = name === 'leads' ? value.id : value.leadId;
                if (typeof leadId === 'string') leadIds.add(leadId);
              }
              const mark: StaleFactsRow = { at: uuidv7(), leadIds: [...leadIds] };
              const [result] = await Promise.all([table.mutate(req), leadIds.size > 0 ? downTable('staleFacts').mutate({ type: 'add', trans, values: [mark] }) : undefined]);
              return result;
            },
          };
        }),
      };
    },
  });
}
