import type { Translate } from '@/lib/i18n';
import type { LeadScore } from '@/lib/score';
import { evidenceText } from './format';

/** The total and the four dimensions of the playbook's score, each with its points and the evidence behind them. */
export function ScoreView({ score, t }: { score: LeadScore; t: Translate }) {
  return (
    <section data-testid="score" className="space-y-1.5">
      <p className="text-xs font-medium text-gray-700" data-testid="score-total">
        {t('popupScore', { total: score.total })}
      </p>
      <ul className="space-y-1">
        {score.dimensions.map((dimension) => (
          <li key={dimension.key} data-testid={`dimension-${dimension.key}`} data-points={dimension.points}>
            <div className="flex items-center gap-2 text-xs">
              <span className="w-28 shrink-0 text-gray-700">{t(`dimension_${dimension.key}`)}</span>
              <span className="h-1.5 flex-1 rounded bg-gray-100" aria-hidden="true">
                <span className="block h-1.5 rounded bg-brand-600" style={{ width: `${dimension.max === 0 ? 0 : (100 * dimension.points) / dimension.max}%` }} />
              </span>
              <span className="w-12 text-right tabular-nums">
                {dimension.points}/{dimension.max}
              </span>
            </div>
            {dimension.evidence.length > 0 ? (
              <ul className="pl-2 text-[11px] text-gray-500">
                {dimension.evidence.map((evidence, i) => (
                  <li key={i}>{evidenceText(evidence, t)}</li>
                ))}
              </ul>
            ) : dimension.unknown ? (
              <p className="pl-2 text-[11px] italic text-gray-400">{t('popupUnknown')}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
