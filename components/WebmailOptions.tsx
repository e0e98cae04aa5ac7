import { useEffect, useState } from 'react';
import { ZodError } from 'zod';
import { Field, inputClass } from './Field';
import { useTranslate } from './use-translate';
import {
  loadWebmailFailures,
  loadWebmailSettings,
  resetWebmailFailures,
  saveWebmailSettings,
  type WebmailFailures,
  type WebmailSettings,
} from '@/lib/settings/webmail-settings-store';

const REASON_KEYS = {
  'no-thread-id': 'webmailReason_no_thread_id',
  'no-messages': 'webmailReason_no_messages',
  'no-readable-message': 'webmailReason_no_readable_message',
} as const;

interface FormState {
  mode: 'none' | 'first' | 'all';
  chars: string;
  neverLog: string;
  ownDomains: string;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * The options page's email section: how much of a logged email's text is kept, who is never logged, the rep's
 * own domains, and how often a thread could not be read (the sign that Gmail or Outlook changed their page).
 */
export function WebmailOptions() {
  const t = useTranslate();
  const [form, setForm] = useState<FormState | null>(null);
  const [failures, setFailures] = useState<WebmailFailures | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadWebmailSettings().then((settings) => setForm(formOf(settings)));
    void loadWebmailFailures().then(setFailures);
  }, []);
  if (!form) return null;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!form) return;
    const retention = form.mode === 'first' ? { mode: 'first' as const, chars: Number(form.chars) } : { mode: form.mode };
    try {
      const saved = await saveWebmailSettings({ privacy: { bodyRetention: retention, neverLog: lines(form.neverLog) }, ownDomains: lines(form.ownDomains) });
      setForm(formOf(saved));
      setStatus(t('optionsWebmailSaved'));
    } catch (error) {
      // The wrong entry is named; the stored settings are unchanged.
      const message = error instanceof ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : String(error);
      setStatus(t('errorPrefix', { message }));
    }
  }

  return (
    <form className="mt-4 space-y-3 rounded border border-gray-200 p-3 text-sm" data-testid="webmail-options" onSubmit={(e) => void save(e)}>
      <h2 className="text-xs font-medium text-gray-600">{t('optionsWebmail')}</h2>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t('optionsWebmailRetention')}</legend>
        {(['none', 'first', 'all'] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-2">
            <input type="radio" name="bodyRetention" value={mode} checked={form.mode === mode} onChange={() => setForm({ ...form, mode })} />
            {t(mode === 'none' ? 'optionsWebmailRetentionNone' : mode === 'first' ? 'optionsWebmailRetentionFirst' : 'optionsWebmailRetentionAll')}
            {mode === 'first' ? (
              <input
                className={`${inputClass} w-24`}
                type="number"
                name="bodyChars"
                min={1}
                max={20000}
                value={form.chars}
                disabled={form.mode !== 'first'}
                onChange={(e) => setForm({ ...form, chars: e.target.value })}
              />
            ) : null}
          </label>
        ))}
      </fieldset>
      <Field label={t('optionsWebmailNeverLog')}>
        <textarea className={inputClass} name="neverLog" rows={3} value={form.neverLog} onChange={(e) => setForm({ ...form, neverLog: e.target.value })} />
      </Field>
      <p className="text-xs text-gray-600">{t('optionsWebmailNeverLogHelp')}</p>
      <Field label={t('optionsWebmailOwnDomains')}>
        <textarea className={inputClass} name="ownDomains" rows={2} value={form.ownDomains} onChange={(e) => setForm({ ...form, ownDomains: e.target.value })} />
      </Field>
      <p className="text-xs text-gray-600">{t('optionsWebmailOwnDomainsHelp')}</p>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          {t('optionsWebmailSave')}
        </button>
        <span role="status" data-testid="webmail-options-status">
          {status}
        </span>
      </div>
      <div className="space-y-1 border-t border-gray-200 pt-2 text-xs" data-testid="webmail-failures">
        {!failures || failures.total === 0 ? (
          <p className="text-gray-600">{t('optionsWebmailFailuresNone')}</p>
        ) : (
          <>
            <p className="font-medium text-amber-800">{t('optionsWebmailFailures', { count: failures.total })}</p>
            {failures.last ? (
              <p className="text-gray-700">
                {t('optionsWebmailFailuresDetail', {
                  gmail: failures.byWebmail.gmail ?? 0,
                  outlook: failures.byWebmail.outlook ?? 0,
                  at: new Date(failures.last.at).toLocaleString(),
                  reason: t(REASON_KEYS[failures.last.reason]),
                })}
              </p>
            ) : null}
            <button type="button" className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-100" onClick={() => void resetWebmailFailures().then(loadWebmailFailures).then(setFailures)}>
              {t('optionsWebmailFailuresReset')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

function formOf(settings: WebmailSettings): FormState {
  const retention = settings.privacy.bodyRetention;
  return {
    mode: retention.mode,
    chars: String(retention.mode === 'first' ? retention.chars : 2000),
    neverLog: settings.privacy.neverLog.join('\n'),
    ownDomains: settings.ownDomains.join('\n'),
  };
}
