import type { DBCoreTable } from 'dexie';

/**
 * A middleware's `table(name)`, built once per name. Dexie asks a middleware stack for a table on every request
 * made without its Table layer (core-transaction.ts, and the rows our middlewares add), and its virtual-index
 * layer rebuilds its index maps on each call.
 */
export function tablesOnce(build: (name: string) => DBCoreTable): (name: string) => DBCoreTable {
  const built = new Map<string, DBCoreTable>();
  return (name) => {
    let table = built.get(name);
    if (!table) built.set(name, (table = build(name)));
    return table;
  };
}
