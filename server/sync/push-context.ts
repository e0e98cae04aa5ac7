import type { Caller } from '../accounts/accounts';
import type { ConflictEntry } from './conflicts';
import type { Queryable } from '../db/sql-database';
import type { RecordCache } from './record-cache';
import type { ServerClock } from './server-clock';
import type { TeamCounter } from './team-counter';

/** What every step of one push transaction works with. */
export interface PushContext {
  tx: Queryable;
  /** Reads and writes of records go through here (batched); the SQL is in record-cache.ts. */
  records: RecordCache;
  caller: Caller;
  counter: TeamCounter;
  clock: ServerClock;
  nowIso: string;
  /** The team's `settings` column, read with the team's lock (null: the defaults). */
  storedSettings: unknown;
  /** Values that lost a conflict in this push, stored with the push's other writes at its end. */
  conflicts: ConflictEntry[];
}

/** A mutation the server refuses: acknowledged with this code and message, and nothing of it is written. */
export class Rejection extends Error {
  constructor(
    readonly code: 'invalid_record' | 'forbidden' | 'not_found' | 'unknown_lead',
    message: string,
  ) {
    super(message);
  }
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      // zod says "Unrecognized key(s)"; the sender needs to know what to do about them.
      const message = issue.code === 'unrecognized_keys' && issue.keys ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'}` : issue.message;
      return issue.path.length ? `${issue.path.map(String).join('.')}: ${message}` : message;
    })
    .join('; ');
}
