import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { SyncStatus as Status } from '@/lib/messaging/sync-protocol';
import { LostValues } from './LostValues';

/**
 * The popup's sync line: opening the popup syncs (pull and push), then says how it went and what waits;
 * `onSynced` lets the popup show what the pull brought.
 */
export function SyncStatus({ t, onSynced }: { t: Translate; onSynced?: () => void }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [syncing, setSyncing] = useState(false);

  async function syncNow() {
    setSyncing(true);
    const answer = await sendMessage('sync.now', {});
    setSyncing(false);
    if (!answer.ok) return;
    setStatus(answer.data);
    if (!answer.data.lastError) onSynced?.();
  }

  useEffect(() => {
    void sendMessage('sync.status', {}).then((answer) => {
      if (!answer.ok) return;
      setStatus(answer.data);
      if (answer.data.signedIn) void syncNow();
    });
  }, []);

  if (!status) return null;
  if (!status.signedIn) {
    return (
      <p className="text-xs text-gray-500" data-testid="sync-status">
        {t('syncOff')} {status.pending ? t('syncPending', { count: status.pending }) : null}
      </p>
    );
  }
  const lines = [
    syncing ? t('syncing') : status.lastSyncAt ? t('syncLast', { time: new Date(status.lastSyncAt).toLocaleString() }) : t('syncNever'),
    status.pending ? t('syncPending', { count: status.pending }) : null,
    status.rejections ? t('syncRejected', { count: status.rejections }) : null,
    status.conflicts ? t('syncConflicts', { count: status.conflicts }) : null,
  ].filter(Boolean);
  const error = status.lastError && !syncing ? (status.lastError.code === 'unauthorized' ? t('syncSignInAgain', { message: status.lastError.message }) : t('syncFailed', { message: status.lastError.message })) : null;
  return (
    <div className="flex items-start justify-between gap-2 text-xs text-gray-600" data-testid="sync-status" data-pending={status.pending}>
      <p>
        {lines.join(' ')}
        {status.conflicts ? <LostValues t={t} count={status.conflicts} /> : null}
        {error ? (
          <span role="alert" className="block text-red-700">
            {error}
          </span>
        ) : null}
      </p>
      <button type="button" disabled={syncing} onClick={() => void syncNow()} className="shrink-0 rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50">
        {t('syncNow')}
      </button>
    </div>
  );
}
