import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import type { Lead } from '@/lib/schema';
import { inputClass } from '../Field';
import { LeadRow } from '../LeadRow';

const RECENT_LIMIT = 8;

/** Recent leads, or those matching the search (a Chinese name is found by any part of it). */
export function RecentLeads({ t, version, onError }: { t: Translate; version: number; onError: (error: ErrorValue) => void }) {
  const [leads, setLeads] = useState<Lead[]>([]);
  const [query, setQuery] = useState('');
  useEffect(() => {
    const request = query.trim()
      ? sendMessage('lead.search', { query: query.slice(0, 200), limit: RECENT_LIMIT })
      : sendMessage('lead.recent', { limit: RECENT_LIMIT });
    void request.then((answer) => (answer.ok ? setLeads(answer.data.leads) : onError(answer.error)));
    // onError is a new function on every render of the parent.
  }, [query, version]);
  return (
    <section aria-label={t('popupRecent')}>
      <input className={inputClass} type="search" placeholder={t('popupSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <h2 className="mt-2 text-xs font-medium uppercase text-gray-500">{t('popupRecent')}</h2>
      {leads.length === 0 ? (
        <p className="py-2 text-gray-500">{t('popupNoRecent')}</p>
      ) : (
        <ul className="divide-y divide-gray-100" data-testid="recent-leads">
          {leads.map((lead) => (
            <LeadRow key={lead.id} lead={lead} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}
