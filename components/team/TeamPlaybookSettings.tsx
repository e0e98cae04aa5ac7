import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import type { RescoreStatus, TeamSettings } from '@/lib/schema';
import { Field, inputClass } from '../Field';
import { AssignmentRulesEditor, AssignPoolButton } from './AssignmentRules';
import { useTranslate } from '../use-translate';
import { NumberRow } from './TierNumbers';
import { useRescoreStatus } from './use-rescore-status';

const TIERS = ['S', 'A', 'B', 'C'] as const;
const DIMENSIONS = ['scale', 'budget', 'urgency', 'decisionChain'] as const;

/** The editable part of the team's settings, as plain values (the background validates them). */
type Draft = Pick<TeamSettings, 'weights' | 'thresholds' | 'currency' | 'dealSize' | 'screening' | 'responseHours' | 'cadenceDays' | 'reminderMinutesBefore' | 'maskContactPhones' | 'assignment'>;

/**
 * The team's playbook: score weights and tier thresholds, deal size, screening criteria, response times,
 * cadence and assignment rules. Saving a change that moves scores re-scores every lead in the background; progress shows here.
 */
export function TeamPlaybookSettings() {
  const t = useTranslate();
  const [stored, setStored] = useState<TeamSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [initialStatus, setInitialStatus] = useState<RescoreStatus | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const rescore = useRescoreStatus(initialStatus);

  useEffect(() => {
    void sendMessage('team.settings', {}).then((answer) => {
      if (!answer.ok) return setNote({ kind: 'error', text: t('errorPrefix', { message: answer.error.message }) });
      setStored(answer.data.settings);
      setDraft(answer.data.settings);
      setInitialStatus(answer.data.rescore);
    });
  }, [t]);
  if (!stored || !draft) return null;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const weightSum = DIMENSIONS.reduce((sum, key) => sum + (Number.isFinite(draft.weights[key]) ? draft.weights[key] : 0), 0);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setNote(null);
    const answer = await sendMessage('team.saveSettings', { settings: { ...stored, ...draft } });
    if (!answer.ok) return setNote({ kind: 'error', text: answer.error.message });
    setStored(answer.data.settings);
    setDraft(answer.data.settings);
    setNote({ kind: 'ok', text: answer.data.rescoring ? t('teamSavedRescoring') : t('teamSaved') });
  }

  const tierLabels = { S: 'S', A: 'A', B: 'B', C: 'C' };
  return (
    <form className="space-y-3 rounded border border-gray-200 p-3" data-testid="team-playbook" onSubmit={(e) => void save(e)}>
      <h2 className="text-xs font-medium text-gray-600">{t('teamPlaybook')}</h2>
      <p className="text-gray-600">{t('teamPlaybookHelp')}</p>
      <Field label={t('teamWeights')} hint={t('teamWeightsSum', { sum: weightSum })}>
        <NumberRow
          name="weights"
          keys={DIMENSIONS}
          labels={{ scale: t('dimension_scale'), budget: t('dimension_budget'), urgency: t('dimension_urgency'), decisionChain: t('dimension_decisionChain') }}
          values={draft.weights}
          onChange={(weights) => set('weights', weights as Draft['weights'])}
        />
      </Field>
      <Field label={t('teamThresholds')}>
        <NumberRow name="thresholds" keys={['S', 'A', 'B'] as const} labels={tierLabels} values={draft.thresholds} onChange={(v) => set('thresholds', v as Draft['thresholds'])} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t('teamDealSize')}>
          <input className={inputClass} type="number" name="dealSize" min={0} value={Number.isFinite(draft.dealSize) ? draft.dealSize : ''} onChange={(e) => set('dealSize', e.target.valueAsNumber)} />
        </Field>
        <Field label={t('teamCurrency')}>
          <input className={inputClass} name="currency" maxLength={3} value={draft.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} />
        </Field>
      </div>
      <Field label={t('teamScreening')}>
        <div className="grid grid-cols-2 gap-2">
          <OptionalNumber label={t('teamMinEmployees')} name="screening.minEmployees" value={draft.screening.minEmployees} onChange={(minEmployees) => set('screening', { ...draft.screening, minEmployees })} />
          <OptionalNumber label={t('teamMinBudget')} name="screening.minBudget" value={draft.screening.minBudget} onChange={(minBudget) => set('screening', { ...draft.screening, minBudget })} />
        </div>
        <input
          className={`${inputClass} mt-2`}
          name="screening.keywords"
          placeholder={t('teamKeywords')}
          value={draft.screening.keywords.join(', ')}
          onChange={(e) => set('screening', { ...draft.screening, keywords: e.target.value.split(/[,，]/).map((k) => k.trim()).filter(Boolean) })}
        />
      </Field>
      <Field label={t('teamResponseHours')}>
        <NumberRow name="responseHours" keys={TIERS} labels={tierLabels} step={0.5} values={draft.responseHours} onChange={(v) => set('responseHours', v as Draft['responseHours'])} />
      </Field>
      <Field label={t('teamCadenceDays')}>
        <NumberRow name="cadenceDays" keys={TIERS} labels={tierLabels} values={draft.cadenceDays} onChange={(v) => set('cadenceDays', v as Draft['cadenceDays'])} />
      </Field>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" name="team.maskContactPhones" checked={draft.maskContactPhones} onChange={(e) => set('maskContactPhones', e.target.checked)} />
        {t('teamMaskPhones')}
      </label>
      <AssignmentRulesEditor value={draft.assignment} onChange={(assignment) => set('assignment', assignment)} />
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          {t('teamSave')}
        </button>
        {note ? (
          <span role={note.kind === 'error' ? 'alert' : 'status'} className={`whitespace-pre-line ${note.kind === 'error' ? 'text-red-700' : ''}`}>
            {note.text}
          </span>
        ) : null}
      </div>
      <RescoreLine status={rescore} />
      {stored.assignment.rules.length > 0 ? <AssignPoolButton /> : null}
    </form>
  );
}

/** A screening criterion's number: empty turns the criterion off (null). */
function OptionalNumber({ label, name, value, onChange }: { label: string; name: string; value: number | null; onChange: (value: number | null) => void }) {
  return (
    <label className="block text-xs text-gray-600">
      {label}
      <input
        className={inputClass}
        type="number"
        name={name}
        min={0}
        value={value ?? ''}
        onChange={(e) => onChange(Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : null)}
      />
    </label>
  );
}

function RescoreLine({ status }: { status: RescoreStatus | null }) {
  const t = useTranslate();
  if (!status) return null;
  const counts = { done: status.done.toLocaleString(), total: status.total.toLocaleString(), changed: status.changed.toLocaleString() };
  const text =
    status.state === 'running' ? t('teamRescoreRunning', counts) : status.state === 'done' ? t('teamRescoreDone', counts) : t('teamRescoreFailed', { message: status.error ?? '' });
  return (
    <p className="text-xs text-gray-600" data-testid="rescore-status">
      {text}
    </p>
  );
}
