import type { Translate } from '@/lib/i18n';
import type { LeadAssessment } from '@/lib/schema';

const LEVEL_STYLE = {
  complete: 'bg-green-50 text-green-800',
  mostly_complete: 'bg-amber-50 text-amber-900',
  incomplete: 'bg-red-50 text-red-800',
} as const;

const SCREENING_STYLE = { pass: 'text-green-700', fail: 'text-red-700', incomplete: 'text-gray-600' } as const;
const RESULT_MARK = { met: '✓', failed: '✗', unknown: '?' } as const;

/** Completeness (信息完整度) and the team's screening, with what is missing and why a criterion failed. */
export function LeadAssessmentView({ assessment, t }: { assessment: LeadAssessment; t: Translate }) {
  const { completeness, screening } = assessment;
  return (
    <section className="space-y-2 text-xs" data-testid="lead-assessment">
      <div className={`rounded p-2 ${LEVEL_STYLE[completeness.level]}`} data-testid="completeness" data-level={completeness.level}>
        <p>
          <span className="font-medium">{t('completeness')}: </span>
          {t(`completeness_${completeness.level}`)} · {t('completenessCount', { filled: completeness.filled, total: completeness.total })}
        </p>
        {completeness.missing.length > 0 ? (
          <p>{t('completenessMissing', { fields: completeness.missing.map((field) => t(`keyField_${field}`)).join(', ') })}</p>
        ) : null}
      </div>
      {screening.checks.length > 0 ? (
        <div data-testid="screening" data-status={screening.status}>
          <p className={`font-medium ${SCREENING_STYLE[screening.status]}`}>
            {t('screening')}: {t(`screening_${screening.status}`)}
          </p>
          <ul className="pl-1 text-gray-700">
            {screening.checks.map((check) => (
              <li key={check.criterion}>
                {RESULT_MARK[check.result]} {t(`screen_${check.criterion}_${check.result}`, check.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
