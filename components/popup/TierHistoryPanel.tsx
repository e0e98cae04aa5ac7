import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { type ErrorValue, type LeadCard, sendMessage } from '@/lib/messaging';
import { Tier } from '@/lib/schema';
import { inputClass } from '../Field';
import { formatWhen } from './format';

const dash = (tier: string | null) => tier ?? '–';

/**
 * A manager's tier override (with its reason) and the lead's tier and stage history. The override is offered to
 * those who may make it (card.mayOverride: a team's managers and admins, or a rep working alone); a rep of a team
 * sees the history and who may change the tier.
 */
type PanelProps = { card: LeadCard; t: Translate; onChanged: () => void; onError: (error: ErrorValue) => void };

export function TierHistoryPanel({ card, t, onChanged, onError }: PanelProps) {
  return (
    <details className="text-xs" data-testid="tier-history">
      <summary className="cursor-pointer text-gray-600">
        {card.mayOverride ? `${t('popupOverrideTier')} · ` : ''}
        {t('popupTierHistory')}
      </summary>
      {card.mayOverride ? (
        <OverrideForm card={card} t={t} onChanged={onChanged} onError={onError} />
      ) : (
        <p className="mt-1 text-gray-500" data-testid="override-managers-only">
          {t('popupOverrideManagersOnly')}
        </p>
      )}
      <ol className="mt-1 space-y-0.5 text-gray-600">
        {card.tierHistory.map((entry, i) => (
          <li key={`t${i}`}>
            {formatWhen(entry.at)}: {t(`tierChange_${entry.cause}`, { from: dash(entry.from), to: dash(entry.to), total: entry.total ?? '–', by: entry.by ?? '', reason: entry.reason ?? '' })}
          </li>
        ))}
      </ol>
      <h4 className="mt-1 font-medium text-gray-700">{t('popupStageHistory')}</h4>
      <ol className="space-y-0.5 text-gray-600" data-testid="stage-history">
        {card.stageHistory.map((change, i) => (
          <li key={`s${i}`}>
            {formatWhen(change.at)}: {t(`stage_${change.to}`)}
            {change.by ? ` · ${change.by}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Sets the tier with a reason, or lifts the override in force; the team sees who did it and when. */
function OverrideForm({ card, t, onChanged, onError }: PanelProps) {
  const [tier, setTier] = useState<Tier>(card.override?.tier ?? card.tier);
  const [reason, setReason] = useState('');
  const send = async (next: Tier | null) => {
    const answer = await sendMessage('lead.overrideTier', { leadId: card.lead.id, tier: next, reason });
    if (!answer.ok) return onError(answer.error);
    setReason('');
    onChanged();
  };
  return (
    <>
      <form
        className="mt-1 flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          void send(tier);
        }}
      >
        <select name="overrideTier" className="rounded border border-gray-300 px-1 py-0.5" value={tier} onChange={(e) => setTier(Tier.parse(e.target.value))}>
          {Tier.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
        <input name="overrideReason" className={inputClass} required maxLength={500} placeholder={t('popupOverrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={!reason.trim()} className="shrink-0 rounded border border-gray-300 px-1.5 py-0.5 disabled:opacity-50">
          {t('popupOverrideApply')}
        </button>
      </form>
      {card.override ? (
        <button type="button" className="mt-1 underline" onClick={() => void send(null)}>
          {t('popupOverrideClear')}
        </button>
      ) : null}
    </>
  );
}
