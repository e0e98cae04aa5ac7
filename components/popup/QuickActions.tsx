import { useState } from 'react';
import type { z } from 'zod';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import { Channel, Stage, type Lead } from '@/lib/schema';
import { inputClass } from '../Field';

const buttonClass = 'rounded border border-gray-300 px-2 py-1 text-xs hover:bg-gray-50 disabled:opacity-50';

interface Props {
  lead: Lead;
  t: Translate;
  onChanged: () => void;
  onError: (error: ErrorValue) => void;
  /** Opens the sidebar on the page; absent when the popup shows a lead away from its site. */
  onOpenSidebar?: () => void;
  /** Signed in to a team and the lead is in its pool (公海): the rep may take it. */
  canClaim?: boolean;
}

/** The popup's quick actions: log a touch, change the stage, open the sidebar, claim a pool lead. */
export function QuickActions({ lead, t, onChanged, onError, onOpenSidebar, canClaim = false }: Props) {
  const [logging, setLogging] = useState(false);
  return (
    <section className="space-y-2" data-testid="quick-actions">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => setLogging(!logging)} aria-expanded={logging}>
          {t('popupLogTouch')}
        </button>
        <label className="flex items-center gap-1 text-xs">
          <span className="text-gray-500">{t('popupChangeStage')}</span>
          <select
            name="stage"
            className="rounded border border-gray-300 px-1 py-0.5 text-xs"
            value={lead.stage}
            onChange={async (e) => {
              const answer = await sendMessage('lead.update', { id: lead.id, edits: { stage: Stage.parse(e.target.value) } });
              if (answer.ok) onChanged();
              else onError(answer.error);
            }}
          >
            {Stage.options.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stage_${stage}`)}
              </option>
            ))}
          </select>
        </label>
        {canClaim ? (
          <button
            type="button"
            className={buttonClass}
            onClick={async () => {
              const answer = await sendMessage('lead.claim', { id: lead.id });
              if (answer.ok) onChanged();
              else onError(answer.error);
            }}
          >
            {t('popupClaim')}
          </button>
        ) : null}
        {onOpenSidebar ? (
          <button type="button" className={buttonClass} onClick={onOpenSidebar}>
            {t('popupOpenSidebar')}
          </button>
        ) : null}
      </div>
      {logging ? <TouchForm lead={lead} t={t} onDone={() => (setLogging(false), onChanged())} onError={onError} /> : null}
    </section>
  );
}

function TouchForm({ lead, t, onDone, onError }: { lead: Lead; t: Translate; onDone: () => void; onError: (error: ErrorValue) => void }) {
  const [channel, setChannel] = useState<z.infer<typeof Channel>>('phone');
  const [summary, setSummary] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-1.5 rounded border border-gray-200 p-2"
      data-testid="touch-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const nextFollowUpAt = nextDate ? new Date(nextDate).toISOString() : null;
        const answer = await sendMessage('lead.logTouch', { leadId: lead.id, channel, summary, nextFollowUpAt });
        setBusy(false);
        if (answer.ok) onDone();
        else onError(answer.error);
      }}
    >
      <select name="channel" className={inputClass} value={channel} onChange={(e) => setChannel(Channel.parse(e.target.value))}>
        {Channel.options.map((option) => (
          <option key={option} value={option}>
            {t(`channel_${option}`)}
          </option>
        ))}
      </select>
      <input name="summary" className={inputClass} required maxLength={300} placeholder={t('popupTouchSummary')} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <label className="block text-xs text-gray-500">
        {t('popupTouchNextDate')}
        <input name="nextFollowUpAt" type="datetime-local" className={inputClass} value={nextDate} onChange={(e) => setNextDate(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !summary.trim()} className="rounded bg-brand-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-50">
        {t('popupTouchSave')}
      </button>
    </form>
  );
}
