import { useEffect, useState } from 'react';
import { registrableDomain } from '@/lib/domain';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import type { Lead } from '@/lib/schema';
import { ErrorNote } from './ErrorNote';
import { inputClass } from './Field';
import { LeadRow } from './LeadRow';
import { StageLabel } from './StageLabel';
import { TierBadge } from './TierBadge';
import { useActiveTab } from './use-active-tab';
import { useTranslate } from './use-translate';

const RECENT_LIMIT = 8;

export function Popup() {
  const t = useTranslate();
  const tab = useActiveTab();
  const [siteLead, setSiteLead] = useState<Lead | null | undefined>(undefined);
  const [leads, setLeads] = useState<Lead[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ErrorValue | null>(null);
  const domain = tab?.url ? registrableDomain(tab.url) : null;

  useEffect(() => {
    if (!tab?.url || !domain) return setSiteLead(null);
    void sendMessage('lead.forUrl', { url: tab.url }).then((answer) => (answer.ok ? setSiteLead(answer.data.lead) : setError(answer.error)));
  }, [tab?.url, domain]);

  useEffect(() => {
    const request = query.trim()
      ? sendMessage('lead.search', { query: query.slice(0, 200), limit: RECENT_LIMIT })
      : sendMessage('lead.recent', { limit: RECENT_LIMIT });
    void request.then((answer) => (answer.ok ? setLeads(answer.data.leads) : setError(answer.error)));
  }, [query]);

  async function openSidebar() {
    if (!tab) return;
    const answer = await sendMessage('sidebar.openInTab', { tabId: tab.id });
    if (!answer.ok) return setError(answer.error);
    window.close();
  }

  return (
    <main className="w-[360px] space-y-3 bg-white p-3 font-sans text-sm text-gray-900">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-semibold text-brand-700">{t('appName')}</h1>
        <button type="button" onClick={() => void openSidebar()} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          {t('popupOpenSidebar')}
        </button>
      </header>
      <ErrorNote error={error} t={t} />
      <section aria-label={t('popupThisSite')} className="rounded border border-gray-200 p-2" data-testid="site-lead">
        <h2 className="mb-1 text-xs font-medium uppercase text-gray-500">{t('popupThisSite')}</h2>
        {siteLead ? (
          <div className="flex items-center gap-2">
            <TierBadge tier={siteLead.tier} t={t} />
            <span className="flex-1 truncate font-medium">{siteLead.name}</span>
            <StageLabel stage={siteLead.stage} t={t} />
          </div>
        ) : (
          <p className="text-gray-500">{domain ? t('popupNoLead', { domain }) : t('popupNoSite')}</p>
        )}
      </section>
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
    </main>
  );
}
