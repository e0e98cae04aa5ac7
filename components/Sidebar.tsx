import { useCallback, useEffect, useState } from 'react';
import { sendMessage, type ErrorValue, type ResponseOf } from '@/lib/messaging';
import { Stage, type Lead, type PageCapture } from '@/lib/schema';
import { CompanyProfileFields } from './CompanyProfileFields';
import { DealFields } from './DealFields';
import { ContactList } from './ContactList';
import { DuplicateList } from './DuplicateList';
import { ErrorNote } from './ErrorNote';
import { Field, inputClass } from './Field';
import { LeadAssessmentView } from './LeadAssessmentView';
import { editsFrom, formStateOf, type LeadFormState } from './lead-form-state';
import { TierBadge } from './TierBadge';
import { useTranslate } from './use-translate';

type Preview = ResponseOf<'clip.preview'>;

export function Sidebar({ capture, onClose }: { capture: PageCapture; onClose: () => void }) {
  const t = useTranslate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [form, setForm] = useState<LeadFormState | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ lead: Lead; merged: boolean } | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);

  // Amounts the lead has none of yet are in the team's currency unless the rep picks another.
  useEffect(() => {
    void sendMessage('team.settings', {}).then((answer) => setCurrency(answer.ok ? answer.data.settings.currency : 'CNY'));
  }, []);

  const load = useCallback(async () => {
    if (currency === null) return;
    const answer = await sendMessage('clip.preview', { capture });
    if (!answer.ok) return setError(answer.error);
    setPreview(answer.data);
    setForm(formStateOf(answer.data.lead, currency));
  }, [capture, currency]);

  useEffect(() => void load(), [load]);

  /** Saves the page into its lead, or into the lead the rep chose as the same company. */
  async function save(intoLeadId?: string) {
    if (!preview || !form) return;
    setSaving(true);
    setError(null);
    const answer = await sendMessage('clip.save', { capture, edits: editsFrom(form, preview.lead), intoLeadId });
    setSaving(false);
    if (!answer.ok) return setError(answer.error);
    setSaved({ lead: answer.data.lead, merged: false });
    await load();
  }

  /** Two saved leads of one company: the older one (its code is already in use) survives. */
  async function merge(duplicate: Lead) {
    if (!preview) return;
    const [keep, other] = duplicate.createdAt <= preview.lead.createdAt ? [duplicate, preview.lead] : [preview.lead, duplicate];
    setSaving(true);
    setError(null);
    const answer = await sendMessage('lead.merge', { keepId: keep.id, mergeId: other.id });
    setSaving(false);
    if (!answer.ok) return setError(answer.error);
    setSaved({ lead: answer.data.lead, merged: true });
    await load();
  }

  const update = (patch: Partial<LeadFormState>) => setForm((current) => (current ? { ...current, ...patch } : current));
  const { fields } = capture;
  const nothingFound = !fields.name && fields.emails.length === 0 && fields.phones.length === 0;

  return (
    <aside
      aria-label="Sidecar"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
      className="flex h-full flex-col border-l border-gray-200 bg-white font-sans text-sm text-gray-900 shadow-2xl"
    >
      <header className="flex items-center justify-between border-b border-gray-200 bg-brand-50 px-4 py-3">
        <h1 className="text-base font-semibold text-brand-700">{t('appName')}</h1>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-gray-600 hover:bg-brand-100" aria-label={t('close')}>
          ✕
        </button>
      </header>
      <div className="flex-1 space-y-3 overflow-y-auto px-4 py-3">
        <ErrorNote error={error} t={t} />
        {!preview || !form ? (
          error ? null : <p className="text-gray-500">{t('reading')}</p>
        ) : (
          <>
            <div className="flex items-center gap-2" data-testid="lead-status">
              <TierBadge tier={preview.lead.tier} t={t} />
              <span className="text-xs text-gray-600">
                {preview.isNew ? t('newLead') : t('existingLead', { code: preview.lead.code })}
              </span>
            </div>
            {!preview.isNew && !saved ? (
              <p className="text-xs text-gray-600">
                {preview.addedFields.length > 0 ? t('addedFromPage', { fields: preview.addedFields.join(', ') }) : t('nothingNew')}
              </p>
            ) : null}
            {nothingFound ? <p className="rounded bg-amber-50 p-2 text-xs text-amber-900">{t('noDataFound')}</p> : null}
            <DuplicateList
              duplicates={preview.possibleDuplicates}
              isDraft={preview.isNew}
              busy={saving}
              onChoose={(lead) => void (preview.isNew ? save(lead.id) : merge(lead))}
              t={t}
            />
            <LeadAssessmentView assessment={preview.assessment} t={t} />
            <Field label={t('fieldName')} hint={fields.name ? t('evidenceFrom', { source: fields.name.source }) : undefined}>
              <input className={inputClass} name="name" value={form.name} onChange={(e) => update({ name: e.target.value })} />
            </Field>
            <Field label={t('fieldLegalName')}>
              <input className={inputClass} name="legalName" value={form.legalName} onChange={(e) => update({ legalName: e.target.value })} />
            </Field>
            <Field label={t('fieldDomain')}>
              <input className={`${inputClass} bg-gray-50`} name="domain" value={preview.lead.domain ?? ''} readOnly />
            </Field>
            <Field label={t('fieldDescription')} hint={fields.description ? t('evidenceFrom', { source: fields.description.source }) : undefined}>
              <textarea className={inputClass} name="description" rows={3} value={form.description} onChange={(e) => update({ description: e.target.value })} />
            </Field>
            <Field label={t('fieldEmails')} hint={t('onePerLine')}>
              <textarea className={inputClass} name="emails" rows={3} value={form.emails} onChange={(e) => update({ emails: e.target.value })} />
            </Field>
            <Field label={t('fieldPhones')} hint={t('onePerLine')}>
              <textarea className={inputClass} name="phones" rows={3} value={form.phones} onChange={(e) => update({ phones: e.target.value })} />
            </Field>
            <CompanyProfileFields form={form} suggestions={preview.suggestions} update={update} t={t} />
            <DealFields deal={form.deal} update={(patch) => update({ deal: { ...form.deal, ...patch } })} t={t} />
            <ContactList
              contacts={preview.contacts}
              t={t}
              editing={
                preview.isNew
                  ? undefined
                  : { leadId: preview.lead.id, savedIds: new Set(preview.savedContactIds), onChanged: (view) => setPreview(withPeople(preview, view)), onError: setError }
              }
            />
            {preview.isNew ? <p className="text-xs text-gray-500">{t('contactsSaveFirst')}</p> : null}
            <Field label={t('fieldStage')}>
              <select className={inputClass} name="stage" value={form.stage} onChange={(e) => update({ stage: Stage.parse(e.target.value) })}>
                {Stage.options.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`stage_${stage}`)}
                  </option>
                ))}
              </select>
            </Field>
            {capture.warnings.length > 0 ? (
              <details className="text-xs text-gray-600">
                <summary>{t('warnings')}</summary>
                <ul className="list-disc pl-4">
                  {capture.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </div>
      <footer className="flex items-center justify-between gap-2 border-t border-gray-200 px-4 py-3">
        <span className="text-xs text-green-700" role="status" data-testid="save-status">
          {saved ? t(saved.merged ? 'mergedInto' : 'saved', { code: saved.lead.code }) : ''}
        </span>
        <button
          type="button"
          disabled={!form || saving}
          onClick={() => void save()}
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {saving ? t('saving') : t('save')}
        </button>
      </footer>
    </aside>
  );
}

/**
 * The preview after the rep changed a person: the stored people as the background now has them, the page's
 * new people still shown, the tier and assessment re-scored. The lead form is left as the rep is typing it.
 */
function withPeople(preview: Preview, view: ResponseOf<'contact.update'>): Preview {
  const stored = new Set(view.contacts.map((contact) => contact.id));
  const fromPage = preview.contacts.filter((contact) => !preview.savedContactIds.includes(contact.id) && !stored.has(contact.id));
  return { ...preview, contacts: [...view.contacts, ...fromPage], savedContactIds: [...stored], assessment: view.assessment, lead: { ...preview.lead, tier: view.lead.tier } };
}
