import type { SidecarDatabase } from '../db';
import { ErrorCode, SidecarError, type Handlers } from '../messaging';

export type LostValueHandlers = Pick<Handlers, 'sync.lostValues'>;

const PREVIEW_CHARS = 80;

/** A stored value as a rep reads it in one line: text as it is, lists and records as short JSON. */
function preview(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/**
 * The rep's values that lost a same-field conflict on the team server (another rep's later edit won), newest
 * first, with the lead they belong to: the server keeps them for their author, and here the author sees them.
 */
export function lostValueHandlers(db: SidecarDatabase | null): LostValueHandlers {
  return {
    'sync.lostValues': async ({ limit }) => {
      if (!db) throw new SidecarError(ErrorCode.Internal, 'Team sync is not available in this context.');
      const rows = await db.syncConflicts.orderBy('at').reverse().limit(limit).toArray();
      const items = await Promise.all(
        rows.map(async (row) => {
          const leadId = row.table === 'leads' ? row.recordId : ((await db.table(row.table).get(row.recordId)) as { leadId?: string } | undefined)?.leadId ?? null;
          const lead = leadId ? await db.leads.get(leadId) : undefined;
          return { leadId, leadName: lead?.name ?? null, table: row.table, field: row.field, yours: preview(row.lostValue), kept: preview(row.keptValue), at: row.at };
        }),
      );
      return { items };
    },
  };
}
