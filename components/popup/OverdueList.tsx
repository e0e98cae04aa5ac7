import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { type AgendaItem, type ErrorValue, sendMessage } from '@/lib/messaging';
import { TierBadge } from '../TierBadge';
import { formatDuration } from './format';

const OVERDUE_LIMIT = 10;

/** Overdue tasks and follow-ups across all leads; each opens its lead. `version` changes reload it. */
export function OverdueList({ t, now, version, onOpenLead, onError }: { t: Translate; now: number; version: number; onOpenLead: (leadId: string) => void; onError: (error: ErrorValue) => void }) {
  const [items, setItems] = useState<AgendaItem[] | null>(null);
  useEffect(() => {
    void sendMessage('agenda.overdue', { limit: OVERDUE_LIMIT }).then((answer) => (answer.ok ? setItems(answer.data.items) : onError(answer.error)));
    // onError is a new function on every render of the parent.
  }, [version]);
  if (items === null) return null;
  return (
    <section aria-label={t('popupOverdue')} data-testid="overdue" className="text-xs">
      <h2 className="mb-1 font-medium uppercase text-gray-500">{t('popupOverdue')}</h2>
      {items.length === 0 ? (
        <p className="text-gray-500">{t('popupNothingOverdue')}</p>
      ) : (
        <ul className="divide-y divide-gray-100">
          {items.map((item) => (
            <li key={`${item.kind}:${item.taskId ?? item.leadId}`} data-testid="overdue-item">
              <button type="button" className="flex w-full items-center gap-2 py-1 text-left hover:bg-gray-50" onClick={() => onOpenLead(item.leadId)}>
                <TierBadge tier={item.tier} t={t} />
                <span className="min-w-0 flex-1 truncate">
                  <span className="font-medium">{item.leadName}</span> · {item.title ?? t('popupOverdueFollowUp')}
                </span>
                <span className="shrink-0 text-red-700">−{formatDuration(now - Date.parse(item.dueAt), t)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
