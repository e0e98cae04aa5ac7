import type { Queryable } from '../db/sql-database';
import { WriteBatch } from './write-batch';

/**
 * The team's change numbers for one transaction. Locking the team's row serialises the team's writers, so
 * numbers are handed out in commit order and a pull cursor never passes a change that has yet to commit.
 */
export class TeamCounter {
  private constructor(
    private readonly tx: Queryable,
    private readonly teamId: string,
    private value: number,
    private readonly start: number,
  ) {}

  static async lock(tx: Queryable, teamId: string): Promise<TeamCounter> {
    const row = (await tx.query<{ change_counter: number }>('SELECT change_counter FROM teams WHERE id = $1 FOR UPDATE', [teamId]))[0];
    if (!row) throw new Error(`team ${teamId} does not exist`);
    const value = Number(row.change_counter);
    return new TeamCounter(tx, teamId, value, value);
  }

  /** The counter of a team whose row the caller locked (FOR UPDATE) in this transaction and read as `value`. */
  static locked(tx: Queryable, teamId: string, value: number): TeamCounter {
    return new TeamCounter(tx, teamId, value, value);
  }

  /** Whether this transaction took a change number. */
  get moved(): boolean {
    return this.value !== this.start;
  }

  next(): number {
    this.value += 1;
    return this.value;
  }

  /** Adds the counter's update to the transaction's final writes (when it moved); once, at the end. */
  writeTo(batch: WriteBatch): void {
    if (this.value !== this.start) batch.add(`UPDATE teams SET change_counter = ${batch.params.add(this.value)} WHERE id = ${batch.params.add(this.teamId)}`);
  }

  /** Stores the counter; call once, at the end of the transaction. */
  async save(): Promise<void> {
    const batch = new WriteBatch();
    this.writeTo(batch);
    await batch.run(this.tx);
  }
}
