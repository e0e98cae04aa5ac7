import type { DBCore, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import type { Activity, Contact, Lead } from '../schema';
import { scoreFactsOf, type ScoreFacts } from '../score/score-facts';
import type { SidecarDatabase } from './database';

/** A lead's score facts (lib/score/score-facts), one row per live lead, keyed like tierStates by lead id. */
export interface ScoreInputsRow {
  leadId: string;
  facts: ScoreFacts;
}

export function scoreInputsRowOf(lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): ScoreInputsRow {
  return { leadId: lead.id, facts: scoreFactsOf(lead, contacts, activities) };
}

/**
 * Brings the lead's row in step after it or its contacts or activities changed; a deleted lead has none (a
 * re-score skips it). Call inside the writer's transaction (it includes scoreInputs) or on its own.
 */
export async function saveScoreInputs(db: SidecarDatabase, lead: Lead, contacts: readonly Contact[], activities: readonly Activity[]): Promise<void> {
  if (lead.deletedAt !== null) await db.scoreInputs.delete(lead.id);
  else await db.scoreInputs.put(scoreInputsRowOf(lead, contacts, activities));
}

const SCORED_TABLES = ['leads', 'contacts', 'activities'];
const derivedWrites = new WeakSet<object>();

/** A write that only stores what scoring derived (a re-score's tier): it leaves the score facts as they are. */
export function markDerivedWrite(trans: object): void {
  derivedWrites.add(trans);
}

/**
 * Any other write of a lead, contact or activity (a rep's save, a record the team server sent) deletes the lead's
 * score facts row in the same transaction: a re-score then reads that lead's records instead (and stores its
 * facts again), so it never scores facts that are out of date. LeadTracker.afterWrite stores them again at once.
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
              const leadIds = [...new Set(req.values.map((value) => (name === 'leads' ? (value as { id?: unknown }).id : (value as { leadId?: unknown }).leadId)))];
              const keys = leadIds.filter((id): id is string => typeof id === 'string');
              const [result] = await Promise.all([table.mutate(req), keys.length > 0 ? down.table('scoreInputs').mutate({ type: 'delete', trans, keys }) : undefined]);
              return result;
            },
          };
        },
      };
    },
  });
}
