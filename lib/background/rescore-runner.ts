import { storage } from 'wxt/utils/storage';
import type { SidecarDatabase } from '../db';
import { foldRescoredTiers } from '../db/fold-rescored-tiers';
import { rescoreLeads } from '../db/rescore-leads';
import { RescoreStatus, type TeamSettings } from '../schema';

const statusItem = storage.defineItem<unknown>('local:rescoreStatus');

export async function loadRescoreStatus(): Promise<RescoreStatus | null> {
  const parsed = RescoreStatus.safeParse(await statusItem.getValue());
  return parsed.success ? parsed.data : null;
}

/**
 * Runs one re-score at a time in the background. A new settings change while one runs restarts it with the
 * new settings (the leads already done would otherwise keep the old tiers); a worker that was stopped mid-run
 * resumes from the last page it stored. Once a run is done (every read shows the new tiers), its results are
 * folded into the per-lead rows (foldRescoredTiers), which a newer settings change interrupts as well.
 */
export class RescoreRunner {
  private running: Promise<void> | null = null;
  private next: TeamSettings | null = null;

  constructor(
    private readonly db: SidecarDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts re-scoring with `settings` (or restarts, when a run is under way); resolves when all runs finished. */
  start(settings: TeamSettings): Promise<void> {
    this.next = settings;
    this.running ??= this.drain(null).finally(() => (this.running = null));
    return this.running;
  }

  /** On worker start: finishes a run that a stopped worker left half done. */
  async resume(settings: () => Promise<TeamSettings>): Promise<void> {
    const status = await loadRescoreStatus();
    if (this.running) return;
    if (status?.state !== 'running') {
      // A run that finished before the worker stopped may have left results to fold.
      if ((await this.db.tierBatches.count()) === 0) return;
      // A settings change meanwhile interrupts the fold and runs (drain) once it stopped.
      // A fold that fails leaves its batches, which every read still sees, for the next start.
      const folded = this.fold(settings).catch((error) => {
        if (!(error instanceof Restart)) console.error('Sidecar: folding a re-score into the lead rows failed', error);
      });
      this.running = folded.then(() => this.drain(null)).finally(() => (this.running = null));
      return this.running;
    }
    this.next = await settings();
    this.running = this.drain(status).finally(() => (this.running = null));
    return this.running;
  }

  private async drain(resumeFrom: RescoreStatus | null): Promise<void> {
    let resuming = resumeFrom;
    while (this.next) {
      const settings = this.next;
      this.next = null;
      const startedAt = resuming?.startedAt ?? this.now().toISOString();
      const base = { startedAt, finishedAt: null, error: null };
      try {
        const result = await rescoreLeads(this.db, settings, {
          now: this.now,
          after: resuming?.cursor ?? null,
          onProgress: async (progress) => {
            if (this.next) throw new Restart();
            await statusItem.setValue({ state: 'running', ...progress, changed: progress.changed + (resuming?.changed ?? 0), ...base } satisfies RescoreStatus);
          },
        });
        const changed = result.changed + (resuming?.changed ?? 0);
        await statusItem.setValue({ state: 'done', ...result, changed, ...base, finishedAt: this.now().toISOString() } satisfies RescoreStatus);
        await this.fold(async () => settings);
      } catch (error) {
        if (error instanceof Restart) continue;
        const message = error instanceof Error ? error.message : String(error);
        await statusItem.setValue({ state: 'failed', done: 0, total: 0, changed: 0, cursor: null, ...base, finishedAt: this.now().toISOString(), error: message } satisfies RescoreStatus);
      } finally {
        resuming = null;
      }
    }
  }

  /** `settings`: the team's, for the next follow-up of each lead whose tier moved (the cadence is the tier's). */
  private async fold(settings: () => Promise<TeamSettings>): Promise<void> {
    await foldRescoredTiers(this.db, {
      now: this.now,
      teamSettings: settings,
      onChunk: () => {
        if (this.next) throw new Restart();
      },
    });
  }
}

/** Thrown out of a run's progress callback when newer settings arrived: the run starts over with them. */
class Restart extends Error {}
