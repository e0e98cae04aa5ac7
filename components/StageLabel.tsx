import type { Translate } from '@/lib/i18n';
import type { Stage } from '@/lib/schema';

export function StageLabel({ stage, t }: { stage: Stage; t: Translate }) {
  return <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">{t(`stage_${stage}`)}</span>;
}
