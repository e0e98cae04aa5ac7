import type { Queryable } from '../db/sql-database';

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

  next(): number {
    this.value += 1;
    return this.value;
  }

  /** Stores the counter; call once, at the end of the transaction. */
  async save(): Promise<void> {
    if (this.value !== this.start) await this.tx.query('UPDATE teams SET change_counter = $2 WHERE id = $1', [this.teamId, this.value]);
  }
}
