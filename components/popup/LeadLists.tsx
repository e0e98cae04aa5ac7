import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import { PoolLeads } from './PoolLeads';
import { RecentLeads } from './RecentLeads';

interface Props {
  t: Translate;
  now: number;
  version: number;
  onOpenLead: (leadId: string) => void;
  /** A claim changed a lead: the popup reloads what it shows. */
  onChanged: () => void;
  onError: (error: ErrorValue) => void;
}

const tabClass = (active: boolean) =>
  `rounded-t px-2 py-1 text-xs font-medium ${active ? 'border-b-2 border-brand-600 text-brand-700' : 'text-gray-500 hover:text-gray-700'}`;

/**
 * The popup's lists: the recent leads and, signed in to a team, a tab for the team's pool (公海). The background says
 * whether there is a pool (a browser signed in to no team has none) and how many leads wait in it.
 */
export function LeadLists({ t, now, version, onOpenLead, onChanged, onError }: Props) {
  const [pool, setPool] = useState<{ total: number } | null>(null);
  const [tab, setTab] = useState<'recent' | 'pool'>('recent');
  useEffect(() => {
    void sendMessage('lead.pool', { limit: 1 }).then((answer) => {
      // No pool tab when the background cannot say (an older background, an error): the recent leads still show.
      setPool(answer.ok && answer.data.signedIn ? { total: answer.data.total } : null);
    });
  }, [version]);
  const showing = pool ? tab : 'recent';
  return (
    <div>
      {pool ? (
        <div role="tablist" className="mb-2 flex gap-2 border-b border-gray-200" data-testid="lead-tabs">
          <button type="button" role="tab" aria-selected={showing === 'recent'} className={tabClass(showing === 'recent')} onClick={() => setTab('recent')}>
            {t('poolTabRecent')}
          </button>
          <button type="button" role="tab" aria-selected={showing === 'pool'} className={tabClass(showing === 'pool')} onClick={() => setTab('pool')} data-testid="pool-tab">
            {t('poolTabPoolCount', { count: pool.total })}
          </button>
        </div>
      ) : null}
      {showing === 'pool' ? (
        <PoolLeads
          t={t}
          now={now}
          version={version}
          onOpenLead={onOpenLead}
          onClaimed={(leadId) => {
            onOpenLead(leadId);
            onChanged();
          }}
          onError={onError}
        />
      ) : (
        <RecentLeads t={t} version={version} onError={onError} />
      )}
    </div>
  );
}
