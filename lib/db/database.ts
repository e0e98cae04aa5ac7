import Dexie, { type EntityTable } from 'dexie';
import type { Activity, Capture, Contact, Lead, Task } from '../schema';
import type { LeadHistoryRow, TierStateRow } from './history-rows';
import { searchKeysFor } from './search-keys';
import { upgradeToV3 } from './upgrade-v3';
import { upgradeToV4 } from './upgrade-v4';
import { installChangeCapture } from './sync-capture';
import type { ConflictRow, OutboxRow, RejectionRow, SyncMetaRow } from './sync-rows';
import { upgradeToV5 } from './sync-upgrade-v5';
import { installScoreInputsInvalidation, type ScoreInputsRow, type StaleFactsRow } from './score-inputs';
import { installTierOverlay, TierOverlay, type TierBatchRow } from './tier-overlay';
import { upgradeToV6 } from './upgrade-v6';
import { upgradeToV7 } from './upgrade-v7';
import { installPoolRank } from './pool-rank';
import { installOtherDomainKeys, OtherDomainKeys } from './other-domain-keys';
import { upgradeToV8 } from './upgrade-v8';

/**
 * A lead as stored: the synced record plus derived, local-only index keys (name search, duplicate check, and the
 * team pool's order, present only on live unowned leads: pool-rank.ts).
 */
export type LeadRow = Lead & { searchKeys: string[]; nameKeys: string[]; poolRank?: string };

/** Local-only bookkeeping (clock state, code sequences); never synced. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'sidecar';

/**
 * The schema history. Each change is a new version with an upgrade where data moves, and
 * tests/lib/db/migrations.test.ts opens the previous version with fixture data and checks the result.
 */
export const SCHEMA_HISTORY = {
  1: {
    leads: 'id, &domain, name, stage, tier, ownerId, updatedAt, code',
    contacts: 'id, leadId, name, updatedAt',
    activities: 'id, leadId, occurredAt, externalKey, updatedAt',
    tasks: 'id, leadId, dueAt, status, assigneeId, updatedAt',
    captures: 'id, leadId, domain, capturedAt',
    meta: 'key',
  },
  // v2: prefix search that also finds Chinese names by any part, and the next-follow-up queue.
  2: {
    leads: 'id, &domain, *searchKeys, stage, tier, ownerId, nextFollowUpAt, updatedAt, code',
  },
  // v3: one company, one lead: found by its other domains and credit code, and duplicates by normalised name.
  3: {
    leads: 'id, &domain, *otherDomains, creditCode, *nameKeys, *searchKeys, stage, tier, ownerId, nextFollowUpAt, updatedAt, code',
  },
  // v4: the playbook. Open tasks by due time and by reminder time; each lead's tier and stage history.
  4: {
    tasks: 'id, leadId, dueAt, status, [status+dueAt], [status+remindAt], assigneeId, updatedAt',
    leadHistory: 'id, leadId, kind, at',
    tierStates: 'leadId',
  },
  // v5: team sync. The outbox of local changes not yet sent, the sync state, and what the server refused or
  // decided against the rep (shown in the popup).
  5: {
    outbox: '++mutationId',
    syncMeta: 'key',
    syncRejections: '++id, at',
    syncConflicts: '++id, at',
  },
  // v6: re-scoring 100,000 leads in seconds. Each lead's score facts in a small row (read instead of leads,
  // contacts and activities), and a re-score's results one row per page until folded into the per-lead rows.
  6: {
    scoreInputs: 'leadId',
    staleFacts: '++id',
    tierBatches: 'id',
  },
  // v7: a manager's tier override is synced on the lead (Lead.tierOverride); no new index, the data moves.
  7: {},
  // v8: the team pool (公海) listed best first without a walk over every lead: a local-only key on live unowned
  // leads only (IndexedDB leaves a null ownerId out of the ownerId index), kept by every write (pool-rank.ts).
  8: {
    leads: 'id, &domain, *otherDomains, creditCode, *nameKeys, *searchKeys, stage, tier, ownerId, nextFollowUpAt, updatedAt, code, poolRank',
  },
} as const;

export class SidecarDatabase extends Dexie {
  leads!: EntityTable<LeadRow, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  captures!: EntityTable<Capture, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  leadHistory!: EntityTable<LeadHistoryRow, 'id'>;
  tierStates!: EntityTable<TierStateRow, 'leadId'>;
  outbox!: EntityTable<OutboxRow, 'mutationId'>;
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  syncRejections!: EntityTable<RejectionRow, 'id'>;
  syncConflicts!: EntityTable<ConflictRow, 'id'>;
  scoreInputs!: EntityTable<ScoreInputsRow, 'leadId'>;
  staleFacts!: EntityTable<StaleFactsRow, 'id'>;
  tierBatches!: EntityTable<TierBatchRow, 'id'>;
  /** Re-score results not yet folded into the per-lead rows, which every read of a tier sees (tier-overlay.ts). */
  readonly tierOverlay = new TierOverlay();
  /** Which keys some lead holds among its other domains, so that a company lookup reads that index only when needed. */
  readonly otherDomainKeys = new OtherDomainKeys();

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Only the background opens this database and nothing observes it with liveQuery (the sidebar and popup ask
    // the background by message), so Dexie's change tracking for live queries is pure cost on every write:
    // its cache and its observability layer (index ranges of each write, a broadcast after each commit). Nothing
    // subscribes to Dexie's table hooks either (the app's own layers are the DBCore middlewares below), and the
    // hooks layer builds a table object on every write to look for them.
    super(name, { cache: 'disabled', ...options });
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
    this.unuse({ stack: 'dbcore', name: 'HooksMiddleware' });
    this.version(1).stores(SCHEMA_HISTORY[1]);
    this.version(2)
      .stores(SCHEMA_HISTORY[2])
      .upgrade(async (tx) => {
        await tx
          .table('leads')
          .toCollection()
          .modify((lead: Partial<LeadRow>) => {
            lead.searchKeys = searchKeysFor(lead.name, lead.legalName);
            lead.nextFollowUpAt ??= null;
          });
      });
    this.version(3).stores(SCHEMA_HISTORY[3]).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_HISTORY[4]).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMA_HISTORY[5]).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_HISTORY[6]).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_HISTORY[7]).upgrade(upgradeToV7);
    this.version(8).stores(SCHEMA_HISTORY[8]).upgrade(upgradeToV8);
    installPoolRank(this);
    installOtherDomainKeys(this, this.otherDomainKeys);
    installTierOverlay(this, this.tierOverlay);
    installScoreInputsInvalidation(this);
    this.on('ready', (db) => this.tierOverlay.load(db), true);
    // Not awaited: the database is usable at once, and lookups read the index until the keys are in.
    this.on('ready', (db) => void this.otherDomainKeys.load(db), true);
    // Every local write to a synced table is queued for the team backend in its own transaction.
    installChangeCapture(this);
  }
}
