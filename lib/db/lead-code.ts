import type { SidecarDatabase } from './database';

/**
 * The next human-readable code, LX + year + a three-digit (or longer) sequence, as teams write them
 * (shared/domain.md §1). Must be called inside a read-write transaction that includes the meta table.
 */
export async function nextLeadCode(db: SidecarDatabase, year: number): Promise<string> {
  const key = `leadCodeSequence:${year}`;
  const last = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
  const next = last + 1;
  await db.meta.put({ key, value: next });
  return `LX${year}${String(next).padStart(3, '0')}`;
}
