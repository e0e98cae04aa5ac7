import { useState } from 'react';
import { inputClass } from '@/components/Field';
import type { Translate } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { Lead } from '@/lib/schema';

/**
 * Finds a lead by name or domain when the thread named no company with a lead (its markup could not be read,
 * or the sender writes from free mail): the rep picks the lead to log the email on.
 */
export function LeadPicker({ onPick, t }: { onPick: (lead: Lead) => void; t: Translate }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Lead[] | null>(null);

  async function search(text: string) {
    setQuery(text);
    if (!text.trim()) return setFound(null);
    const answer = await sendMessage('lead.search', { query: text.trim(), limit: 8 });
    setFound(answer.ok ? answer.data.leads : []);
  }

  return (
    <div className="space-y-1" data-testid="webmail-lead-picker">
      <input className={inputClass} name="leadSearch" placeholder={t('webmailFindLead')} value={query} onChange={(e) => void search(e.target.value)} />
      {found && found.length === 0 ? <p className="text-xs text-gray-500">{t('webmailNoLeadFound')}</p> : null}
      {found && found.length > 0 ? (
        <ul className="divide-y divide-gray-100 rounded border border-gray-200 text-xs">
          {found.map((lead) => (
            <li key={lead.id}>
              <button type="button" className="w-full px-2 py-1 text-left hover:bg-brand-50" data-lead-id={lead.id} onClick={() => onPick(lead)}>
                {lead.name} <span className="text-gray-500">{lead.domain ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
