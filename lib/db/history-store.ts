import { v7 as uuidv7 } from 'uuid';
import { StageChange } from '../playbook';
import { EMPTY_TIER_STATE, TierHistoryEntry, type TierState } from '../score';
import type { SidecarDatabase } from './database';
import { TierStateRow, type LeadHistoryRow } from './history-rows';

/** A lead's tier state and stage history, stored beside the lead (Dexie v4); only the background holds one. */
export class HistoryStore {
  constructor(private readonly db: SidecarDatabase) {}

  /** Everything about the lead's tier: the last score, the override in force and every tier change. */
  async tierState(leadId: string): Promise<TierState> {
    const [row, history] = await Promise.all([this.db.tierStates.get(leadId), this.rows(leadId, 'tier')]);
    const base = row ? { scored: row.scored, override: row.override } : EMPTY_TIER_STATE;
    // A re-score's score not yet folded into this lead's row (tier-overlay.ts) is newer than the stored one.
    const pending = this.db.tierOverlay.scoredOf(leadId, row?.scored);
    return { ...base, scored: pending ?? base.scored, history: history.map((r) => TierHistoryEntry.parse(r.entry)) };
  }

  async stageHistory(leadId: string): Promise<StageChange[]> {
    return (await this.rows(leadId, 'stage')).map((r) => StageChange.parse(r.entry));
  }

  /** Every history event of the lead, oldest first, for the popup's history list. */
  async events(leadId: string): Promise<LeadHistoryRow[]> {
    const stored = await this.db.leadHistory.where('leadId').equals(leadId).sortBy('id');
    const pending = this.db.tierOverlay.historyOf(leadId);
    if (pending.length === 0) return stored;
    // Tier changes of a re-score not yet folded into leadHistory; their ids were drawn when they happened.
    const rows = pending.map(({ id, entry }): LeadHistoryRow => ({ id, leadId, kind: 'tier', at: entry.at, entry }));
    return [...stored, ...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Stores `after`, a state computed from `before` by the lib/score rules (recordScore, applyTierOverride):
   * the new last score and override, and the history entries it gained. Call inside a transaction that
   * includes tierStates and leadHistory, or on its own.
   */
  async saveTierState(leadId: string, before: TierState, after: TierState): Promise<void> {
    const added = after.history.slice(before.history.length);
    const row = TierStateRow.parse({ leadId, scored: after.scored, override: after.override });
    await this.db.transaction('rw', [this.db.tierStates, this.db.leadHistory], async () => {
      await this.db.tierStates.put(row);
      if (added.length > 0) {
        await this.db.leadHistory.bulkAdd(added.map((entry) => ({ id: uuidv7(), leadId, kind: 'tier' as const, at: entry.at, entry })));
      }
    });
  }

  /** Appends stage changes made by recordStageChange (the history it returned, minus what was stored). */
  async appendStageChanges(leadId: string, before: readonly StageChange[], after: readonly StageChange[]): Promise<void> {
    const added = after.slice(before.length);
    if (added.length === 0) return;
    await this.db.leadHistory.bulkAdd(added.map((entry) => ({ id: uuidv7(), leadId, kind: 'stage' as const, at: entry.at, entry })));
  }

  private async rows(leadId: string, kind: LeadHistoryRow['kind']): Promise<LeadHistoryRow[]> {
    const rows = await this.events(leadId);
    return rows.filter((row) => row.kind === kind);
  }
}
