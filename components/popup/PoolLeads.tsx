import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { inputClass } from '../Field';
import { TierBadge } from '../TierBadge';
import { formatDuration } from './format';

const POOL_LIMIT = 10;
const buttonClass = 'rounded border border-gray-300 px-2 py-1 text-xs hover:bg-gray-50 disabled:opacity-50';

type PoolItem = ResponseOf<'lead.pool'>['leads'][number];

interface Props {
  t: Translate;
  now: number;
  /** Bumped after any change in the popup: the page is read again. */
  version: number;
  /** Shows the lead's card in the popup. */
  onOpenLead: (leadId: string) => void;
  /** The server gave the rep the lead: its card should show the rep as owner. */
  onClaimed: (leadId: string) => void;
  onError: (error: ErrorValue) => void;
}

/**
 * The team's pool (公海): leads nobody owns, best first (tier, then the latest update), each with how long it has
 * waited there and a Claim button. The server decides a claim (someone may have taken the lead, or another lead of
 * the company, meanwhile); a claimed lead leaves the list.
 */
export function PoolLeads({ t, now, version, onOpenLead, onClaimed, onError }: Props) {
  const [items, setItems] = useState<PoolItem[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [claiming, setClaiming] = useState<string | null>(null);
  const request = (after?: string) => sendMessage('lead.pool', { limit: POOL_LIMIT, ...(query.trim() ? { query: query.slice(0, 200) } : {}), ...(after ? { after } : {}) });

  useEffect(() => {
    void request().then((answer) => {
      if (!answer.ok) return onError(answer.error);
      setItems(answer.data.leads);
      setTotal(answer.data.total);
      setNext(answer.data.next);
    });
    // onError is a new function on every render of the parent.
  }, [query, version]);

  async function more() {
    if (!next) return;
    const answer = await request(next);
    if (!answer.ok) return onError(answer.error);
    setItems((shown) => [...shown, ...answer.data.leads.filter(({ lead }) => !shown.some((item) => item.lead.id === lead.id))]);
    setNext(answer.data.next);
  }

  async function claim(leadId: string) {
    setClaiming(leadId);
    const answer = await sendMessage('lead.claim', { id: leadId });
    setClaiming(null);
    if (!answer.ok) return onError(answer.error);
    setItems((shown) => shown.filter(({ lead }) => lead.id !== leadId));
    setTotal((count) => Math.max(0, count - 1));
    onClaimed(leadId);
  }

  return (
    <section aria-label={t('poolTabPool')} data-testid="pool">
      <input className={inputClass} type="search" name="poolSearch" placeholder={t('poolSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {items.length === 0 ? (
        <p className="py-2 text-gray-500" data-testid="pool-empty">
          {query.trim() ? t('poolNoMatch') : t('poolEmpty')}
        </p>
      ) : (
        <ul className="mt-1 divide-y divide-gray-100" data-testid="pool-leads" data-total={total}>
          {items.map(({ lead, inPoolSince }) => (
            <li key={lead.id} className="flex items-center gap-2 py-1.5" data-testid="pool-lead" data-lead-id={lead.id}>
              <button type="button" className="flex min-w-0 flex-1 items-center gap-2 text-left" onClick={() => onOpenLead(lead.id)} title={t('poolOpenLead', { name: lead.name })}>
                <TierBadge tier={lead.tier} t={t} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{lead.name}</span>
                  <span className="block truncate text-xs text-gray-500">
                    {lead.domain ?? '—'}
                    {inPoolSince ? <span data-testid="pool-since"> · {t('poolSince', { duration: formatDuration(now - Date.parse(inPoolSince), t) })}</span> : null}
                  </span>
                </span>
              </button>
              <button type="button" className={buttonClass} disabled={claiming !== null} onClick={() => void claim(lead.id)}>
                {claiming === lead.id ? t('poolClaiming') : t('poolClaim')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <button type="button" className={`${buttonClass} mt-1`} onClick={() => void more()}>
          {t('poolMore')}
        </button>
      ) : null}
    </section>
  );
}
