import { useEffect, useState } from 'react';
import { maskPhone } from '@/lib/privacy';
import { Locale, type Settings } from '@/lib/schema';
import { loadSettings, loadTeamSettings, saveSettings } from '@/lib/settings';
import { BackendSignIn } from './BackendSignIn';
import { Field, inputClass } from './Field';
import { PipelineForecast } from './team/PipelineForecast';
import { TeamPlaybookSettings } from './team/TeamPlaybookSettings';
import { ToolbarBadgeOption } from './ToolbarBadgeOption';
import { useTranslate } from './use-translate';
import { WebmailOptions } from './WebmailOptions';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', zh_CN: '简体中文' };
/** The playbook's own example (shared/domain.md §7), shown as it would be saved. */
const EXAMPLE_PHONE = '010-12345678';

export function Options() {
  const t = useTranslate();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  // The team's rule outranks the rep's choice (shared/domain.md §7): shown, not editable, while it holds.
  const [teamMasks, setTeamMasks] = useState(false);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void loadTeamSettings().then((team) => setTeamMasks(team.maskContactPhones));
  }, []);
  if (!settings) return null;
  const masking = teamMasks || settings.maskContactPhones;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!settings) return;
    try {
      setSettings(await saveSettings(settings));
      setStatus(t('optionsSaved'));
    } catch (error) {
      setStatus(t('errorPrefix', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <main className="mx-auto max-w-xl space-y-4 p-6 font-sans text-sm text-gray-900">
      <h1 className="text-xl font-semibold text-brand-700">{t('optionsTitle')}</h1>
      <form className="space-y-4" onSubmit={(e) => void save(e)}>
        <Field label={t('optionsRepName')}>
          <input className={inputClass} name="repName" maxLength={100} value={settings.repName} onChange={(e) => setSettings({ ...settings, repName: e.target.value })} />
        </Field>
        <Field label={t('optionsLanguage')}>
          <select
            className={inputClass}
            name="locale"
            value={settings.locale ?? ''}
            onChange={(e) => setSettings({ ...settings, locale: e.target.value ? Locale.parse(e.target.value) : null })}
          >
            <option value="">{t('optionsLanguageAuto')}</option>
            {Locale.options.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="space-y-2 rounded border border-gray-200 p-3" data-testid="privacy">
          <legend className="px-1 text-xs font-medium text-gray-600">{t('optionsPrivacy')}</legend>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              name="maskContactPhones"
              checked={masking}
              disabled={teamMasks}
              onChange={(e) => setSettings({ ...settings, maskContactPhones: e.target.checked })}
            />
            {t('optionsMaskPhones')}
          </label>
          <p className="text-gray-600">{t('optionsMaskPhonesHelp')}</p>
          {teamMasks ? <p className="text-xs text-gray-600">{t('optionsMaskPhonesTeam')}</p> : null}
          <p className="font-mono text-xs text-gray-800" data-testid="mask-example">
            {masking
              ? t('optionsMaskPhonesExample', { example: maskPhone(EXAMPLE_PHONE) })
              : t('optionsMaskPhonesOff', { example: EXAMPLE_PHONE })}
          </p>
          {!masking ? <p className="text-xs text-gray-500">{t('optionsMaskPhonesNote')}</p> : null}
        </fieldset>
        <ToolbarBadgeOption settings={settings} onSaved={(saved) => setSettings({ ...settings, toolbarBadge: saved.toolbarBadge })} />
        <BackendSignIn />
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            {t('optionsSave')}
          </button>
          <span role="status">{status}</span>
        </div>
      </form>
      <TeamPlaybookSettings />
      <PipelineForecast />
      <WebmailOptions />
    </main>
  );
}
