import { INDUSTRY_IDS, isIndustryId } from '@/lib/enrich';
import type { Translate } from '@/lib/i18n';
import { SizeBand, type Suggestion } from '@/lib/schema';
import { evidenceHint } from './evidence-hint';
import { Field, inputClass } from './Field';
import type { LeadFormState } from './lead-form-state';

interface Props {
  form: LeadFormState;
  suggestions: readonly Suggestion[];
  update: (patch: Partial<LeadFormState>) => void;
  t: Translate;
}

/** Industry, region, size and registration: filled by enrichment with its evidence, and editable by the rep. */
export function CompanyProfileFields({ form, suggestions, update, t }: Props) {
  const hint = (field: Suggestion['field']) => evidenceHint(suggestions.find((s) => s.field === field), t);
  return (
    <fieldset className="space-y-3 rounded border border-gray-200 p-2" data-testid="company-profile">
      <legend className="px-1 text-xs font-medium text-gray-600">{t('companyProfile')}</legend>
      <Field label={t('fieldIndustry')} hint={hint('industry')}>
        <select className={inputClass} name="industry" value={form.industry} onChange={(e) => update({ industry: e.target.value })}>
          <option value="">{t('notSet')}</option>
          {INDUSTRY_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`industry_${id}`)}
            </option>
          ))}
          {form.industry && !isIndustryId(form.industry) ? <option value={form.industry}>{form.industry}</option> : null}
        </select>
      </Field>
      <Field label={t('fieldRegion')} hint={hint('region')}>
        <input className={inputClass} name="region" value={form.region} onChange={(e) => update({ region: e.target.value })} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t('fieldSizeBand')} hint={hint('sizeBand')}>
          <select className={inputClass} name="sizeBand" value={form.sizeBand} onChange={(e) => update({ sizeBand: e.target.value })}>
            <option value="">{t('notSet')}</option>
            {SizeBand.options.map((band) => (
              <option key={band} value={band}>
                {t(`sizeBand_${band}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fieldEmployees')}>
          <input className={inputClass} name="employees" inputMode="numeric" value={form.employees} onChange={(e) => update({ employees: e.target.value })} />
        </Field>
        <Field label={t('fieldFoundingYear')}>
          <input className={inputClass} name="foundingYear" inputMode="numeric" value={form.foundingYear} onChange={(e) => update({ foundingYear: e.target.value })} />
        </Field>
        <Field label={t('fieldRegisteredLocation')}>
          <input className={inputClass} name="registeredLocation" value={form.registeredLocation} onChange={(e) => update({ registeredLocation: e.target.value })} />
        </Field>
      </div>
      <Field label={t('fieldCreditCode')}>
        <input className={inputClass} name="creditCode" maxLength={18} value={form.creditCode} onChange={(e) => update({ creditCode: e.target.value })} />
      </Field>
    </fieldset>
  );
}
