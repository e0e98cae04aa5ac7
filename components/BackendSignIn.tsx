import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { normaliseBackendUrl } from '@/lib/background/sync-account';
import { sendMessage } from '@/lib/messaging';
import type { SyncStatus } from '@/lib/messaging/sync-protocol';
import { backendOriginPattern } from '@/lib/settings/backend-store';
import { Field, inputClass } from './Field';
import { useTranslate } from './use-translate';

/**
 * Sign-in to the team backend. The browser's permission to reach the backend's origin is asked for when the
 * rep clicks Sign in (the store build has no host access at install); the password goes to the background,
 * which sends it to the backend and keeps only the token. Not a <form>: it sits inside the options form.
 */
export function BackendSignIn() {
  const t = useTranslate();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    void sendMessage('sync.status', {}).then((answer) => {
      if (answer.ok) setStatus(answer.data);
      else setNote(t('errorPrefix', { message: answer.error.message }));
    });
  }, [t]);

  async function signIn() {
    setNote('');
    if (!url.trim() || !email.trim() || !password) return setNote(t('syncMissingFields'));
    let origin: string | null;
    try {
      origin = backendOriginPattern(normaliseBackendUrl(url));
    } catch (error) {
      return setNote(t('syncSignInFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
    if (!origin) return setNote(t('syncSignInFailed', { message: url }));
    setBusy(true);
    try {
      if (!(await browser.permissions.request({ origins: [origin] }))) return setNote(t('syncPermissionDenied', { origin }));
      const answer = await sendMessage('sync.signIn', { url, email, password });
      if (!answer.ok) return setNote(t('syncSignInFailed', { message: answer.error.message }));
      setPassword('');
      setStatus(answer.data);
    } catch (error) {
      setNote(t('syncSignInFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setNote('');
    setBusy(true);
    const answer = await sendMessage('sync.signOut', {});
    setBusy(false);
    if (answer.ok) setStatus(answer.data);
    else setNote(t('errorPrefix', { message: answer.error.message }));
  }

  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    // The options form around this would otherwise save the settings instead.
    event.preventDefault();
    void signIn();
  };

  return (
    <fieldset className="space-y-2 rounded border border-gray-200 p-3" data-testid="backend-sign-in">
      <legend className="px-1 text-xs font-medium text-gray-600">{t('optionsBackend')}</legend>
      {status?.signedIn && status.account ? (
        <>
          <p role="status" data-testid="backend-signed-in">
            {t('syncSignedInAs', { email: status.account.email, role: status.account.role, team: status.account.teamName, url: status.backendUrl ?? '' })}
          </p>
          <p className="text-gray-600">{t('syncSignOutHelp')}</p>
          <button type="button" disabled={busy} onClick={() => void signOut()} className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50">
            {t('syncSignOut')}
          </button>
        </>
      ) : (
        <>
          <p className="text-gray-600">{t('syncSignInHelp')}</p>
          <Field label={t('syncUrl')}>
            <input className={inputClass} name="backendUrl" type="url" placeholder="https://crm.example.com" autoComplete="url" value={url} onChange={(e) => setUrl(e.target.value)} onKeyDown={onEnter} />
          </Field>
          <Field label={t('syncEmail')}>
            <input className={inputClass} name="backendEmail" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} onKeyDown={onEnter} />
          </Field>
          <Field label={t('syncPassword')}>
            <input className={inputClass} name="backendPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} onKeyDown={onEnter} />
          </Field>
          <button type="button" disabled={busy} onClick={() => void signIn()} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {busy ? t('syncSigningIn') : t('syncSignIn')}
          </button>
        </>
      )}
      {note ? (
        <p role="alert" className="text-red-700">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}
