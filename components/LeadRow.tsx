import type { Translate } from '@/lib/i18n';
import type { Lead } from '@/lib/schema';
import { StageLabel } from './StageLabel';
import { TierBadge } from './TierBadge';

export function LeadRow({ lead, t }: { lead: Lead; t: Translate }) {
  return (
    <li className="flex items-center gap-2 py-1.5" data-testid="lead-row">
      <TierBadge tier={lead.tier} t={t} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{lead.name}</span>
        <span className="block truncate text-xs text-gray-500">
          {lead.code} · {lead.domain ?? '—'}
        </span>
      </span>
      <StageLabel stage={lead.stage} t={t} />
    </li>
  );
}
