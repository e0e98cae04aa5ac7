import type { Translate } from '@/lib/i18n';
import type { Lead } from '@/lib/schema';

export interface DuplicateOffer {
  lead: Lead;
  reason: 'name' | 'creditCode';
}

interface Props {
  duplicates: readonly DuplicateOffer[];
  /** A draft not saved yet is saved into the chosen lead; a saved lead is merged with it. */
  isDraft: boolean;
  busy: boolean;
  onChoose: (lead: Lead) => void;
  t: Translate;
}

/** Leads that are probably this company under another domain: offered for merging, never merged silently. */
export function DuplicateList({ duplicates, isDraft, busy, onChoose, t }: Props) {
  if (duplicates.length === 0) return null;
  return (
    <section className="space-y-1 rounded border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900" data-testid="duplicates">
      <h2 className="font-medium">{t('duplicatesTitle')}</h2>
      <ul className="space-y-1">
        {duplicates.map(({ lead, reason }) => (
          <li key={lead.id} className="flex items-center justify-between gap-2" data-testid="duplicate">
            <span className="min-w-0">
              <span className="block truncate font-medium">{lead.name}</span>
              <span className="block truncate">
                {lead.code} · {lead.domain ?? '—'} · {t(`duplicateReason_${reason}`)}
              </span>
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => onChoose(lead)}
              className="shrink-0 rounded border border-amber-300 bg-white px-2 py-1 font-medium hover:bg-amber-100 disabled:opacity-50"
            >
              {isDraft ? t('saveIntoDuplicate', { code: lead.code }) : t('mergeDuplicate', { code: lead.code })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
