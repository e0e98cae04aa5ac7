import { v7 as uuidv7 } from 'uuid';
import { DexieSyncStore } from '@/lib/db/dexie-sync-store';
import { LeadStore, SidecarDatabase, TaskStore } from '@/lib/db';
import { PageCapture, type Hlc, type Lead } from '@/lib/schema';
import { catchUpDeviceClock } from '@/lib/db/sync-clock';
import { SyncEngine, type AnySyncRecord, type SyncTable } from '@/lib/sync';
import { makeCapture } from '../../helpers/make-capture';
import type { Harness, TestUser } from '../../server/harness';
import { AppTransport } from '../sync/device';

/** A browser profile as the extension runs it: its own IndexedDB, the app's stores, and the sync engine over DexieSyncStore. */
export class DexieDevice {
  readonly db: SidecarDatabase;
  readonly leads: LeadStore;
  readonly tasks: TaskStore;
  readonly store: DexieSyncStore;
  readonly transport: AppTransport;
  readonly engine: SyncEngine;
  private minute = 0;

  /** `wallClock`: where this device's own clock starts (a rep's machine can be hours or years wrong). */
  constructor(h: Harness, readonly user: TestUser, name: string, wallClock = Date.UTC(2026, 10, 1, 9)) {
    this.db = new SidecarDatabase(`dexie-sync-${name}-${uuidv7()}`);
    const now = () => new Date(wallClock + 60_000 * this.minute++);
    this.leads = new LeadStore(this.db, { now });
    this.tasks = new TaskStore(this.db, now);
    this.store = new DexieSyncStore(this.db);
    this.transport = new AppTransport(h, user);
    // As the background does: after a pull the device's clock moves past the server's.
    const onServerClock = (stamp: Hlc) => catchUpDeviceClock(this.db, stamp, wallClock + 60_000 * this.minute);
    this.engine = new SyncEngine({ store: this.store, transport: this.transport, now: () => h.now(), batchSize: 7, pullLimit: 5, random: () => 0.5, onServerClock });
  }

  /** Clips a company's page through the sidebar's save path; unowned (the team's pool) unless an owner is given. */
  clip(url: string, name: string, ownerId: string | null = null): Promise<Lead> {
    const capture = PageCapture.parse({ ...makeCapture({ url, domain: null, name, emails: [], phones: [] }) });
    return this.leads.saveClip(capture, {}, ownerId);
  }

  /** The device's records of a table without local-only fields, by id. */
  async records(table: SyncTable): Promise<AnySyncRecord[]> {
    const rows = (await this.db.table(table).toArray()) as Array<AnySyncRecord & { searchKeys?: unknown; nameKeys?: unknown; poolRank?: unknown }>;
    return rows.map(({ searchKeys: _s, nameKeys: _n, poolRank: _p, ...record }) => record as AnySyncRecord).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async liveLeads(): Promise<Lead[]> {
    return ((await this.records('leads')) as Lead[]).filter((lead) => lead.deletedAt === null);
  }

  pending(): Promise<number> {
    return this.db.outbox.count();
  }
}
