import { useEffect, useState } from 'react';
import { INDUSTRY_IDS } from '@/lib/enrich/industries';
import { isMessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { AssignmentRule, AssignmentSettings } from '@/lib/schema';
import type { TeamMembersResponse } from '@/lib/sync/protocol';
import { inputClass } from '../Field';
import { useTranslate } from '../use-translate';

type Member = TeamMembersResponse['members'][number];
const TIERS = ['S', 'A', 'B', 'C'] as const;
const NEW_RULE: AssignmentRule = { tiers: [], regions: [], industries: [], assignees: [] };
const splitList = (text: string) => text.split(/[,，、]/).map((item) => item.trim()).filter(Boolean);

/**
 * The team's assignment rules (shared/domain.md §2): who gets new leads by tier, region and industry. Rules
 * name the team's people, so they are edited only while signed in to the team; the first matching rule wins.
 */
export function AssignmentRulesEditor({ value, onChange }: { value: AssignmentSettings; onChange: (next: AssignmentSettings) => void }) {
  const t = useTranslate();
  // undefined: still asking; null: signed out (rules name team members, so there is nothing to pick from).
  const [members, setMembers] = useState<Member[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('team.members', { refresh: true }).then((answer) => {
      if (!answer.ok) return setError(answer.error.message);
      setMembers(answer.data.signedIn ? answer.data.members : null);
    });
  }, []);

  const setRule = (index: number, rule: AssignmentRule) => onChange({ ...value, rules: value.rules.map((r, i) => (i === index ? rule : r)) });
  const moveUp = (index: number) => {
    const rules = [...value.rules];
    [rules[index - 1], rules[index]] = [rules[index]!, rules[index - 1]!];
    onChange({ ...value, rules });
  };

  return (
    <fieldset className="space-y-2 rounded border border-gray-200 p-2" data-testid="assignment-rules">
      <legend className="px-1 text-xs font-medium text-gray-600">{t('assignTitle')}</legend>
      <p className="text-xs text-gray-600">{t('assignHelp')}</p>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
      {members === null ? <p className="text-xs text-gray-600">{t('assignSignIn')}</p> : null}
      {members ? (
        <>
          <label className="block text-xs text-gray-600">
            {t('assignAppliesTo')}
            <select className={inputClass} name="assignment.appliesTo" value={value.appliesTo} onChange={(e) => onChange({ ...value, appliesTo: e.target.value as AssignmentSettings['appliesTo'] })}>
              <option value="unowned">{t('assignAppliesUnowned')}</option>
              <option value="all_new">{t('assignAppliesAllNew')}</option>
            </select>
          </label>
          <ol className="space-y-2">
            {value.rules.map((rule, index) => (
              <RuleRow
                key={index}
                index={index}
                rule={rule}
                members={members}
                onChange={(next) => setRule(index, next)}
                onRemove={() => onChange({ ...value, rules: value.rules.filter((_, i) => i !== index) })}
                onMoveUp={index > 0 ? () => moveUp(index) : null}
              />
            ))}
          </ol>
          <button type="button" className="rounded border border-gray-300 px-2 py-1 text-xs" onClick={() => onChange({ ...value, rules: [...value.rules, NEW_RULE] })}>
            {t('assignAddRule')}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}

function RuleRow(props: { index: number; rule: AssignmentRule; members: Member[]; onChange: (rule: AssignmentRule) => void; onRemove: () => void; onMoveUp: (() => void) | null }) {
  const t = useTranslate();
  const { index, rule, members, onChange } = props;
  const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  // Regions are typed as a list; the text is kept as typed until the field is left, so a trailing comma stays.
  const [regions, setRegions] = useState(rule.regions.join(', '));

  return (
    <li className="space-y-1 rounded bg-gray-50 p-2 text-xs" data-testid={`assignment-rule-${index + 1}`}>
      <div className="flex items-center justify-between">
        <span className="font-medium text-gray-700">{t('assignRuleN', { n: index + 1 })}</span>
        <span className="space-x-2">
          {props.onMoveUp ? (
            <button type="button" className="text-gray-600 underline" onClick={props.onMoveUp}>
              {t('assignMoveUp')}
            </button>
          ) : null}
          <button type="button" className="text-red-700 underline" onClick={props.onRemove}>
            {t('assignRemove')}
          </button>
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-gray-600">{t('assignTiers')}</span>
        {TIERS.map((tier) => (
          <label key={tier} className="inline-flex items-center gap-1">
            <input type="checkbox" name={`rule${index + 1}.tier.${tier}`} checked={rule.tiers.includes(tier)} onChange={() => onChange({ ...rule, tiers: toggle(rule.tiers, tier) })} />
            {tier}
          </label>
        ))}
      </div>
      <label className="block text-gray-600">
        {t('assignRegions')}
        <input className={inputClass} name={`rule${index + 1}.regions`} placeholder={t('assignRegionsPlaceholder')} value={regions} onChange={(e) => setRegions(e.target.value)} onBlur={() => onChange({ ...rule, regions: splitList(regions) })} />
      </label>
      <label className="block text-gray-600">
        {t('assignIndustries')}
        <select
          multiple
          className={`${inputClass} h-20`}
          name={`rule${index + 1}.industries`}
          value={rule.industries}
          onChange={(e) => onChange({ ...rule, industries: [...e.target.selectedOptions].map((option) => option.value) })}
        >
          {INDUSTRY_IDS.map((id) => {
            const key = `industry_${id}`;
            return (
              <option key={id} value={id}>
                {isMessageKey(key) ? t(key) : id}
              </option>
            );
          })}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-gray-600">{t('assignTo')}</span>
        {members.map((member) => (
          <label key={member.id} className="inline-flex items-center gap-1">
            <input type="checkbox" name={`rule${index + 1}.assignee`} value={member.email} checked={rule.assignees.includes(member.id)} onChange={() => onChange({ ...rule, assignees: toggle(rule.assignees, member.id) })} />
            {member.email} <span className="text-gray-400">({t(`teamRole_${member.role}`)})</span>
          </label>
        ))}
      </div>
    </li>
  );
}

/** Managers: give the unowned leads already in the pool out by the rules now (new ones are placed as they arrive). */
export function AssignPoolButton() {
  const t = useTranslate();
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setNote(null);
    const answer = await sendMessage('team.assignPool', {});
    setBusy(false);
    if (!answer.ok) return setNote({ kind: 'error', text: answer.error.message });
    setNote({ kind: 'ok', text: t('assignPoolDone', { assigned: answer.data.assigned, unmatched: answer.data.unmatched }) });
    // The owners changed on the server: bring them here now rather than at the next alarm.
    void sendMessage('sync.now', {});
  }

  return (
    <div className="flex items-center gap-2 text-xs">
      <button type="button" disabled={busy} className="rounded border border-gray-300 px-2 py-1" onClick={() => void run()}>
        {t('assignPoolRun')}
      </button>
      {note ? (
        <span role={note.kind === 'error' ? 'alert' : 'status'} className={note.kind === 'error' ? 'text-red-700' : 'text-gray-600'}>
          {note.text}
        </span>
      ) : null}
    </div>
  );
}
