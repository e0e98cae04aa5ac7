import { useState } from 'react';
import { registrableDomain } from '@/lib/domain';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import { ErrorNote } from './ErrorNote';
import { LeadCardView } from './popup/LeadCardView';
import { OverdueList } from './popup/OverdueList';
import { LeadLists } from './popup/LeadLists';
import { RenderGuard } from './popup/RenderGuard';
import { SyncStatus } from './popup/SyncStatus';
import { useLeadCard, useNow, type CardTarget } from './popup/use-lead-card';
import { useActiveTab } from './use-active-tab';
import { useTranslate } from './use-translate';

/** `popup.html?lead=ID` shows one lead (a reminder opens it so); otherwise the popup is about the tab's site. */
const namedLead = () => new URLSearchParams(location.search).get('lead');

export function Popup() {
  const t = useTranslate();
  const tab = useActiveTab();
  const now = useNow();
  const [focusLeadId, setFocusLeadId] = useState<string | null>(namedLead);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ErrorValue | null>(null);
  const domain = tab?.url ? registrableDomain(tab.url) : null;
  const target: CardTarget = focusLeadId ? { leadId: focusLeadId } : tab?.url && domain ? { url: tab.url } : null;
  const { card, error: cardError, reload } = useLeadCard(target);
  const changed = () => {
    setError(null);
    setVersion((v) => v + 1);
    void reload();
  };

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
        {tab && !focusLeadId && !card ? (
          <button type="button" onClick={() => void openSidebar()} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            {t('popupOpenSidebar')}
          </button>
        ) : null}
      </header>
      <ErrorNote error={error ?? cardError} t={t} />
      <section aria-label={t('popupThisSite')} className="rounded border border-gray-200 p-2" data-testid="site-lead">
        <h2 className="mb-1 text-xs font-medium uppercase text-gray-500">{focusLeadId ? t('popupLead') : t('popupThisSite')}</h2>
        <RenderGuard fallback={t('popupCannotShow')}>
          {card ? (
            <LeadCardView card={card} now={now} t={t} onChanged={changed} onError={setError} onOpenSidebar={tab && !focusLeadId ? () => void openSidebar() : undefined} />
          ) : card === null ? (
            <p className="text-gray-500">{focusLeadId ? t('popupLeadNotFound') : domain ? t('popupNoLead', { domain }) : t('popupNoSite')}</p>
          ) : null}
        </RenderGuard>
      </section>
      <RenderGuard fallback={t('popupCannotShow')}>
        <OverdueList t={t} now={now} version={version} onOpenLead={setFocusLeadId} onError={setError} />
      </RenderGuard>
      <LeadLists t={t} now={now} version={version} onOpenLead={setFocusLeadId} onChanged={changed} onError={setError} />
      <SyncStatus t={t} onSynced={changed} />
    </main>
  );
}
