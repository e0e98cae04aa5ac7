import type { Translate } from '@/lib/i18n';
import { ValueLevel } from '@/lib/schema';
import type { DealFormState } from './deal-form-state';
import { Field, inputClass } from './Field';

interface Props {
  deal: DealFormState;
  update: (patch: Partial<DealFormState>) => void;
  t: Translate;
}

type MoneyKey = 'revenue' | 'registeredCapital' | 'annualPurchases';

/**
 * Needs and deal (shared/domain.md §1, §3): what the customer needs and what hurts, the budget, when they
 * decide, the money facts behind scale and value, tags and the competitor. These are the facts the score's
 * "ask next" list asks for; amounts take "30万" or "1.2m" as reps write them.
 */
export function DealFields({ deal, update, t }: Props) {
  const currency = (key: `${MoneyKey}Currency` | 'budgetCurrency') => (
    <input
      className={`${inputClass} w-16 uppercase`}
      name={key}
      aria-label={t('dealCurrency')}
      maxLength={3}
      value={deal[key]}
      onChange={(e) => update({ [key]: e.target.value.toUpperCase() })}
    />
  );
  const money = (key: MoneyKey, label: string) => (
    <Field label={label}>
      <span className="flex gap-1">
        <input className={inputClass} name={key} inputMode="decimal" placeholder={t('dealAmountPlaceholder')} value={deal[key]} onChange={(e) => update({ [key]: e.target.value })} />
        {currency(`${key}Currency`)}
      </span>
    </Field>
  );
  const longText = (key: 'needDescription' | 'painPoints' | 'expectedSolution', label: string) => (
    <Field label={label}>
      <textarea className={inputClass} name={key} rows={2} value={deal[key]} onChange={(e) => update({ [key]: e.target.value })} />
    </Field>
  );

  return (
    <fieldset className="space-y-3 rounded border border-gray-200 p-2" data-testid="deal-fields">
      <legend className="px-1 text-xs font-medium text-gray-600">{t('dealTitle')}</legend>
      {longText('needDescription', t('dealNeed'))}
      {longText('painPoints', t('dealPainPoints'))}
      {longText('expectedSolution', t('dealExpectedSolution'))}
      <Field label={t('dealCurrentSolution')}>
        <input className={inputClass} name="currentSolution" value={deal.currentSolution} onChange={(e) => update({ currentSolution: e.target.value })} />
      </Field>
      <Field label={t('dealBudget')}>
        <span className="flex gap-1">
          <input className={inputClass} name="budgetMin" inputMode="decimal" placeholder={t('dealBudgetFrom')} value={deal.budgetMin} onChange={(e) => update({ budgetMin: e.target.value })} />
          <input className={inputClass} name="budgetMax" inputMode="decimal" placeholder={t('dealBudgetTo')} value={deal.budgetMax} onChange={(e) => update({ budgetMax: e.target.value })} />
          {currency('budgetCurrency')}
        </span>
      </Field>
      <Field label={t('dealTimeline')} hint={t('dealTimelineHint')}>
        <input className={inputClass} name="decisionTimeline" value={deal.decisionTimeline} onChange={(e) => update({ decisionTimeline: e.target.value })} />
      </Field>
      <div className="grid grid-cols-1 gap-2">
        {money('revenue', t('dealRevenue'))}
        {money('registeredCapital', t('dealRegisteredCapital'))}
        {money('annualPurchases', t('dealAnnualPurchases'))}
      </div>
      <Field label={t('dealValueLevel')} hint={t('dealValueLevelHint')}>
        <select className={inputClass} name="valueLevel" value={deal.valueLevel} onChange={(e) => update({ valueLevel: e.target.value })}>
          <option value="">{t('notSet')}</option>
          {ValueLevel.options.map((level) => (
            <option key={level} value={level}>
              {t(`valueLevel_${level}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('dealTags')} hint={t('dealTagsHint')}>
        <input className={inputClass} name="tags" value={deal.tags} onChange={(e) => update({ tags: e.target.value })} />
      </Field>
      <Field label={t('dealCompetitor')}>
        <input className={inputClass} name="competitor" value={deal.competitor} onChange={(e) => update({ competitor: e.target.value })} />
      </Field>
      {deal.competitor.trim() ? (
        <div className="grid grid-cols-2 gap-2">
          <Field label={t('dealOurAdvantages')}>
            <input className={inputClass} name="competitorAdvantages" value={deal.competitorAdvantages} onChange={(e) => update({ competitorAdvantages: e.target.value })} />
          </Field>
          <Field label={t('dealOurWeaknesses')}>
            <input className={inputClass} name="competitorWeaknesses" value={deal.competitorWeaknesses} onChange={(e) => update({ competitorWeaknesses: e.target.value })} />
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
