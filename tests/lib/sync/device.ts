import { v7 as uuidv7 } from 'uuid';
import { formatHlc, tickHlc, type HlcState } from '../../../lib/clock';
import type { Activity, Hlc, Lead } from '../../../lib/schema';
import { MemorySyncStore, PullResponse, PushResponse, saveLocalChange, SyncEngine, SyncError, type AnySyncRecord, type SyncTable, type SyncTransport } from '../../../lib/sync';
import type { Harness, TestUser } from '../../server/harness';
import { makeActivity, makeLead } from '../../server/records';

export type Fault = 'none' | 'request-lost' | 'response-lost';

/** The in-process server as a transport, with faults injected on demand: a request that never arrives, or an answer that never comes back. */
export class AppTransport implements SyncTransport {
  faults: Fault[] = [];
  /** The last push that reached the server, to replay it as a confused client would. */
  lastPush: unknown = null;

  constructor(
    private readonly h: Harness,
    private readonly user: TestUser,
  ) {}

  push(request: Parameters<SyncTransport['push']>[0]) {
    return this.send('/v1/sync/push', request, PushResponse);
  }

  pull(request: Parameters<SyncTransport['pull']>[0]) {
    return this.send('/v1/sync/pull', request, PullResponse);
  }

  /** Sends the last push again, bypassing the engine; returns the server's answer. */
  async replayLastPush(): Promise<PushResponse | null> {
    if (!this.lastPush) return null;
    const response = await this.h.call('POST', '/v1/sync/push', this.lastPush, this.user.token);
    return PushResponse.parse(response.json);
  }

  private async send<T>(path: string, body: unknown, schema: { parse(value: unknown): T }): Promise<T> {
    const fault = this.faults.shift() ?? 'none';
    if (fault === 'request-lost') throw new SyncError('offline', 'network down (injected)');
    const response = await this.h.call('POST', path, body, this.user.token);
    if (path.endsWith('/push')) this.lastPush = body;
    if (fault === 'response-lost') throw new SyncError('offline', 'connection dropped before the answer (injected)');
    if (response.status !== 200) throw new SyncError(response.status === 401 ? 'unauthorized' : 'server', JSON.stringify(response.json));
    return schema.parse(response.json);
  }
}

/** A simulated browser profile: its own store, outbox, clock (optionally skewed) and sync engine. */
export class Device {
  readonly store: MemorySyncStore;
  readonly transport: AppTransport;
  readonly engine: SyncEngine;
  private clock: HlcState;
  private wall: number;

  constructor(h: Harness, readonly user: TestUser, name: string, skewMs = 0) {
    this.store = new MemorySyncStore(`client-${name}-${uuidv7().slice(-12)}`);
    this.transport = new AppTransport(h, user);
    this.engine = new SyncEngine({ store: this.store, transport: this.transport, now: () => h.now(), batchSize: 7, pullLimit: 5, random: () => 0.5 });
    this.clock = { millis: 0, counter: 0, node: name };
    this.wall = Date.UTC(2026, 10, 1) + skewMs;
  }

  stamp(): Hlc {
    this.wall += 1000;
    this.clock = tickHlc(this.clock, this.wall);
    return formatHlc(this.clock);
  }

  /** The device's records of a table, by id. */
  records(table: SyncTable): AnySyncRecord[] {
    return [...this.store.snapshot().records[table].values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  liveLeads(): Lead[] {
    return (this.records('leads') as Lead[]).filter((lead) => lead.deletedAt === null);
  }

  private async write(table: SyncTable, record: AnySyncRecord): Promise<void> {
    await this.store.transaction((tx) => saveLocalChange(tx, table, record).then(() => undefined));
  }

  async clip(domain: string, fields: Partial<Lead> = {}): Promise<Lead> {
    const lead = makeLead(this.stamp(), { domain, ownerId: this.user.role === 'rep' ? this.user.id : null, ...fields });
    await this.write('leads', lead);
    return lead;
  }

  async edit<T extends AnySyncRecord>(table: SyncTable, id: string, fields: Partial<T>): Promise<void> {
    const current = this.records(table).find((record) => record.id === id);
    if (!current) throw new Error(`device has no ${table} ${id}`);
    const stamp = this.stamp();
    const versions = { ...current.versions, ...Object.fromEntries(Object.keys(fields).map((field) => [field, stamp])) };
    await this.write(table, { ...current, ...fields, versions, updatedAt: new Date(this.wall).toISOString() } as AnySyncRecord);
  }

  async remove(table: SyncTable, id: string): Promise<void> {
    await this.edit(table, id, { deletedAt: new Date(this.wall).toISOString() });
  }

  async logActivity(leadId: string, summary: string): Promise<Activity> {
    const activity = makeActivity(this.stamp(), leadId, { ownerId: this.user.id, summary });
    await this.write('activities', activity);
    return activity;
  }

  pending(): number {
    return this.store.snapshot().outbox.length;
  }
}
