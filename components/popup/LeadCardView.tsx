import type { Translate } from '@/lib/i18n';
import type { ErrorValue, LeadCard } from '@/lib/messaging';
import { TierBadge } from '../TierBadge';
import { AskNextList } from './AskNextList';
import { FollowUpView } from './FollowUpView';
import { formatWhen } from './format';
import { QuickActions } from './QuickActions';
import { ScoreView } from './ScoreView';
import { TaskList } from './TaskList';
import { TierHistoryPanel } from './TierHistoryPanel';
import { useTeamPeople } from './use-team-people';

interface Props {
  card: LeadCard;
  now: number;
  t: Translate;
  onChanged: () => void;
  onError: (error: ErrorValue) => void;
  onOpenSidebar?: () => void;
}

/** One lead in the popup: tier and score with evidence, what to ask next, follow-up and deadline, actions, tasks. */
export function LeadCardView({ card, now, t, onChanged, onError, onOpenSidebar }: Props) {
  const { lead } = card;
  const people = useTeamPeople();
  return (
    <div className="space-y-2" data-lead-id={lead.id}>
      <div className="flex items-center gap-2">
        <TierBadge tier={card.tier} t={t} />
        <span className="flex-1 truncate font-medium">{lead.name}</span>
        <span className="text-xs text-gray-500">{lead.code}</span>
      </div>
      {card.override ? (
        <p className="text-xs text-gray-600" data-testid="tier-override">
          {t('popupOverriddenAt', { tier: card.override.tier, by: card.override.by, when: formatWhen(card.override.at), reason: card.override.reason })}
        </p>
      ) : null}
      <ScoreView score={card.score} t={t} />
      {card.score.askNext.length > 0 ? <AskNextList facts={card.score.askNext} t={t} /> : null}
      <FollowUpView card={card} now={now} t={t} people={people} />
      <QuickActions lead={lead} t={t} onChanged={onChanged} onError={onError} onOpenSidebar={onOpenSidebar} canClaim={people !== null && lead.ownerId === null} />
      <TaskList tasks={card.tasks} proposals={card.proposals} now={now} t={t} onChanged={onChanged} onError={onError} />
      <TierHistoryPanel key={`${card.tier}:${card.tierHistory.length}`} card={card} t={t} onChanged={onChanged} onError={onError} />
    </div>
  );
}
