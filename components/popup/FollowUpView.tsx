import type { Translate } from '@/lib/i18n';
import type { LeadCard } from '@/lib/messaging';
import { StageLabel } from '../StageLabel';
import { formatDuration, formatWhen } from './format';
import { ownerLabel, type TeamPeople } from './use-team-people';

/** Stage, owner, the next follow-up and the countdown to the response deadline (shared/domain.md §2-§3). */
export function FollowUpView({ card, now, t, people = null }: { card: LeadCard; now: number; t: Translate; people?: TeamPeople | null }) {
  const { lead, nextFollowUp, response } = card;
  const followUpLate = nextFollowUp !== null && Date.parse(nextFollowUp.dueAt) < now;
  const left = Date.parse(response.dueAt) - now;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" data-testid="follow-up">
      <dt className="text-gray-500">{t('popupStage')}</dt>
      <dd>
        <StageLabel stage={lead.stage} t={t} />
      </dd>
      <dt className="text-gray-500">{t('popupOwner')}</dt>
      <dd data-testid="owner">{ownerLabel(lead.ownerId, people, t)}</dd>
      <dt className="text-gray-500">{t('popupNextFollowUp')}</dt>
      <dd data-testid="next-follow-up" data-due={nextFollowUp?.dueAt ?? ''} className={followUpLate ? 'font-medium text-red-700' : ''}>
        {nextFollowUp ? `${formatWhen(nextFollowUp.dueAt)} · ${t(`followUpBasis_${nextFollowUp.basis}`)}` : t('popupNoFollowUp')}
      </dd>
      <dd className="col-span-2" data-testid="response-deadline" data-due={response.dueAt}>
        {response.firstTouchAt ? (
          <span className="text-green-700">✓ {t('popupResponseMet')}</span>
        ) : left >= 0 ? (
          <span className="text-amber-800">⏱ {t('popupResponseDue', { time: formatDuration(left, t) })}</span>
        ) : (
          <span className="font-medium text-red-700">⚠ {t('popupResponseOverdue', { time: formatDuration(left, t) })}</span>
        )}
      </dd>
    </dl>
  );
}
