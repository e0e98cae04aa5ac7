import type { Tier } from '@/lib/schema';
import type { Translate } from '@/lib/i18n';

const TIER_CLASS: Record<Tier, string> = {
  S: 'bg-tier-s text-white',
  A: 'bg-tier-a text-white',
  B: 'bg-tier-b text-white',
  C: 'bg-tier-c text-white',
};

/** The lead's tier letter in its colour; a neutral placeholder until scoring has run. */
export function TierBadge({ tier, t }: { tier: Tier | null; t: Translate }) {
  if (!tier) {
    return (
      <span className="rounded border border-dashed border-gray-400 px-1.5 py-0.5 text-xs text-gray-500" title={t('tierPending')}>
        –
      </span>
    );
  }
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-bold ${TIER_CLASS[tier]}`} data-testid="tier-badge">
      {tier}
    </span>
  );
}
