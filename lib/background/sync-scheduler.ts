import { browser } from 'wxt/browser';
import type { SidecarDatabase } from '../db';
import { DexieSyncStore } from '../db/dexie-sync-store';
import { onLocalChangesQueued } from '../db/sync-capture';
import { catchUpDeviceClock } from '../db/sync-clock';
import type { SyncStatus } from '../messaging/sync-protocol';
import type { TeamSettings } from '../schema';
import { clearBackend, loadBackend, saveBackend, type BackendSession } from '../settings/backend-store';
import { HttpTransport, SyncEngine } from '../sync';
import { signIn, signOut } from './sync-account';

export const SYNC_ALARM = 'sidecar-sync';
export const SYNC_RETRY_ALARM = 'sidecar-sync-retry';
const SIGN_IN_WAIT_MS = 5_000;

export interface SyncSchedulerOptions {
  db: SidecarDatabase;
  /** How long after a local change the push waits, so a burst of saves goes out as one push. */
  debounceMs?: number;
  /** Push and pull at least this often while the browser runs. */
  periodMinutes?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** New team settings from the server (after the transaction that stored them committed). */
  onTeamSettings?: (settings: TeamSettings) => Promise<void> | void;
  /** After a sync that brought teammates' changes (re-arm task reminders, refresh the toolbar badge). */
  onPulled?: () => Promise<void> | void;
}

/**
 * When this browser syncs with the team backend: soon after a local change (debounced), on an alarm, when the
 * popup opens, and after a failure once its backoff has passed. Nothing happens while signed out: changes
 * stay queued in the outbox. The engine commits each step in one transaction, so a service worker stopped
 * mid-sync resumes at the next trigger without losing or doubling a change.
 */
export class SyncScheduler {
  readonly store: DexieSyncStore;
  private engine: { url: string; engine: SyncEngine } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SyncSchedulerOptions) {
    this.store = new DexieSyncStore(options.db, { onTeamSettings: options.onTeamSettings });
    this.now = options.now ?? (() => new Date());
  }

  /** Registers the alarm listener (in the worker's first turn, so an alarm wakes it) and the change hook. */
  install(): void {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) void this.run('due');
    });
    onLocalChangesQueued(this.options.db, () => this.localChange());
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: this.options.periodMinutes ?? 5 });
  }

  /** A local write was queued: push soon, once for a burst of writes. */
  localChange(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run('due');
    }, this.options.debounceMs ?? 3_000);
  }

  /**
   * Pushes and pulls. 'due' respects the backoff after failures; 'now' (the rep opened the popup or signed in)
   * does not. Failures are recorded in the sync state (shown in the popup), never thrown.
   */
  async run(mode: 'due' | 'now'): Promise<void> {
    const session = await loadBackend();
    if (!session) return;
    const engine = this.engineFor(session);
    try {
      const report = await (mode === 'now' ? engine.sync() : engine.syncIfDue());
      if (report && report.pulled > 0) await this.options.onPulled?.();
    } catch {
      const { state } = await this.store.status();
      if (state.retryAt) await browser.alarms.create(SYNC_RETRY_ALARM, { when: Math.max(Date.parse(state.retryAt), this.now().getTime() + 1_000) });
    }
  }

  async status(): Promise<SyncStatus> {
    const [session, { state, pending, rejections, conflicts }] = await Promise.all([loadBackend(), this.store.status()]);
    return {
      signedIn: session !== null,
      backendUrl: session?.url ?? null,
      account: session ? { email: session.account.email, teamName: session.account.teamName, role: session.account.role } : null,
      lastSyncAt: state.lastSyncAt,
      pending,
      lastError: state.lastError,
      retryAt: state.retryAt,
      rejections,
      conflicts,
    };
  }

  /** Signs in (errors say what to fix, nothing is stored), then pulls the team's pipeline from the start. */
  async signIn(input: { url: string; email: string; password: string }): Promise<SyncStatus> {
    const session = await signIn(input, this.options.fetch);
    await saveBackend(session);
    // A new account may be another team's: pull everything again (merging is idempotent) and forget old errors.
    await this.store.transaction((tx) => tx.setState({ checkpoint: 0, failures: 0, retryAt: null, lastError: null }));
    // A large team's first pull takes minutes: the options page hears back after a few seconds either way.
    await Promise.race([this.run('now'), new Promise((resolve) => setTimeout(resolve, SIGN_IN_WAIT_MS))]);
    return this.status();
  }

  /** Revokes the token (best effort) and forgets it; queued changes stay for the next sign-in. */
  async signOut(): Promise<SyncStatus> {
    const session = await loadBackend();
    if (session) await signOut(session, this.options.fetch);
    await clearBackend();
    this.engine = null;
    await browser.alarms.clear(SYNC_RETRY_ALARM);
    return this.status();
  }

  private engineFor(session: BackendSession): SyncEngine {
    if (this.engine?.url === session.url) return this.engine.engine;
    const transport = new HttpTransport({ baseUrl: session.url, getToken: async () => (await loadBackend())?.token ?? null, fetch: this.options.fetch });
    const engine = new SyncEngine({ store: this.store, transport, now: this.now, onServerClock: (stamp) => catchUpDeviceClock(this.options.db, stamp, this.now().getTime()) });
    this.engine = { url: session.url, engine };
    return engine;
  }
}
