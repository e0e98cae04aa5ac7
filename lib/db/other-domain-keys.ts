import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type Dexie from 'dexie';
import { tablesOnce } from './tables-once';

/**
 * The company keys that some lead holds among its other domains (acme.de on the lead of acme.com), in memory, so
 * that looking a company up (each save, each tab's badge) reads the otherDomains index only when the key can
 * match: most leads have no other domain. Loaded once per database instance from the index's keys, then kept
 * by every write of a lead row. A key is never forgotten: a lead that gave it up, or a write that was rolled
 * back, costs one read that finds nothing, never a company missed.
 */
export class OtherDomainKeys {
  /** The index's keys as loaded; null until then, and while null every key may match. */
  private stored: Set<string> | null = null;
  /** Every key written by this instance, from before the load started: the load's snapshot may predate them. */
  private readonly written = new Set<string>();
  private loading: Promise<void> | null = null;

  mayHold(key: string): boolean {
    return this.stored === null || this.stored.has(key) || this.written.has(key);
  }

  noteWritten(otherDomains: readonly string[]): void {
    for (const key of otherDomains) this.written.add(key);
  }

  /** The load started by the last open of the database; resolves when done or failed (then every key matches). */
  loaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** Loads the index's keys afresh: at each open of the database, since another instance may have written meanwhile. */
  load(db: Dexie): Promise<void> {
    this.stored = null;
    this.loading = db
      .table('leads')
      .orderBy('otherDomains')
      .uniqueKeys()
      .then((keys) => {
        this.stored = new Set(keys.filter((key): key is string => typeof key === 'string'));
      })
      .catch(() => undefined);
    return this.loading;
  }
}

/** Keeps `keys` up to date with every write of a lead row, whichever code makes it (saves, pulls, upgrades). */
export function installOtherDomainKeys(db: Dexie, keys: OtherDomainKeys): void {
  db.use({
    stack: 'dbcore',
    name: 'sidecar-other-domain-keys',
    level: 1,
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table: tablesOnce((name) => {
          const table = down.table(name);
          return name === 'leads' ? noting(table, keys) : table;
        }),
      };
    },
  });
}

function noting(table: DBCoreTable, keys: OtherDomainKeys): DBCoreTable {
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type === 'put' || req.type === 'add') {
        for (const value of req.values as Array<{ otherDomains?: unknown }>) {
          if (Array.isArray(value?.otherDomains) && value.otherDomains.length > 0) keys.noteWritten(value.otherDomains.filter((key): key is string => typeof key === 'string'));
        }
      }
      return table.mutate(req);
    },
  };
}
