import type { DBCore, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import type { Activity, Contact, Lead } from '../schema';
import { scoreFactsOf, type ScoreFacts } from '../score/score-facts';
import type { SidecarDatabase } from './database';

/**
 * A lead's score facts (lib/score/score-facts), one row per stored lead, keyed like tierStates by lead id. `facts`
 * is null when the lead, a contact or an activity was written since the facts were taken (or the lead is
 * deleted): a re-score then reads that lead's records.
 */
export interface ScoreInputsRow {
  leadId: string;
  facts: ScoreFacts | null;
  /** The lead is deleted: nothing to score. */
  deleted?: true;
}

export function scoreInputsRowOf(lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): ScoreInputsRow {
  return { leadId: lead.id, facts: scoreFactsOf(lead, contacts, activities) };
}

/**
 * Brings the lead's row in step after it or its contacts or activities changed. Call inside the writer's
 * transaction (it includes scoreInputs) or on its own.
 */
export async function saveScoreInputs(db: SidecarDatabase, lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): Promise<void> {
  await db.scoreInputs.put(lead.deletedAt === null ? scoreInputsRowOf(lead, contacts, activities) : { leadId: lead.id, facts: null, deleted: true });
}

const SCORED_TABLES = ['leads', 'contacts', 'activities'];
const derivedWrites = new WeakSet<object>();

/** A write that only stores what scoring derived (a re-score's tier): it leaves the score facts as they are. */
export function markDerivedWrite(trans: object): void {
  derivedWrites.add(trans);
}

/**
 * Any other write of a lead, contact or activity (a rep's save, a record the team server sent) empties the lead's
 * score facts row in the same transaction: a re-score then reads that lead's records instead (and stores its
 * facts again), so it never scores facts that are out of date, and every stored lead has a row, so a re-score
 * reads only this table to find them. LeadTracker.afterWrite stores the facts again at once.
 */
export function installScoreInputsInvalidation(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-score-inputs',
    level: 5,
    create(down: DBCore): Partial<DBCore> {
      const hasInputs = () => down.schema.tables.some((table) => table.name === 'scoreInputs');
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some((name) => SCORED_TABLES.includes(name)) && !stores.includes('scoreInputs') && hasInputs();
          return down.transaction(widen ? [...stores, 'scoreInputs'] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SCORED_TABLES.includes(name)) return table;
          return {
            ...table,
            mutate: async (req) => {
              const trans = req.trans as DBCoreTransaction & Partial<IDBTransaction>;
              if ((req.type !== 'put' && req.type !== 'add') || trans.mode === 'versionchange' || derivedWrites.has(trans) || !hasInputs()) return table.mutate(req);
              const stale = new Map<string, ScoreInputsRow>();
              for (const value of req.values as Array<{ id?: unknown; leadId?: unknown; deletedAt?: unknown }>) {
                const leadId = name === 'leads' ? value.id : value.leadId;
                if (typeof leadId !== 'string') continue;
                stale.set(leadId, name === 'leads' && value.deletedAt ? { leadId, facts: null, deleted: true } : { leadId, facts: null });
              }
              const values = [...stale.values()];
              const [result] = await Promise.all([table.mutate(req), values.length > 0 ? down.table('scoreInputs').mutate({ type: 'put', trans, values }) : undefined]);
              return result;
            },
          };
        },
      };
    },
  });
}
