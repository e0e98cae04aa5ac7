import { parseHTML } from 'linkedom';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncStatus } from '@/components/popup/SyncStatus';
import { translator } from '@/lib/i18n';
import type { SyncStatus as Status } from '@/lib/messaging/sync-protocol';

let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
});

const SIGNED_IN: Status = {
  signedIn: true,
  backendUrl: 'https://crm.example.com',
  account: { email: 'rep@example.com', teamName: 'Acme Sales', role: 'rep' },
  lastSyncAt: '2026-11-20T10:00:00.000Z',
  pending: 0,
  lastError: null,
  retryAt: null,
  rejections: 0,
  conflicts: 0,
};

/** Renders the popup's sync line against a background that answers `status` and then `afterSync` to "sync now". */
async function render(status: Status, afterSync: Status = status) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  const asked: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    asked.push(message.type);
    return { ok: true, data: message.type === 'sync.now' ? afterSync : status };
  }) as never);
  const onSynced = vi.fn();
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<SyncStatus t={translator('en')} onSynced={onSynced} />));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 30)));
  const text = document.querySelector('[data-testid="sync-status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  return { asked, text, onSynced };
}

describe("the popup's sync line", () => {
  it('signed out: says sync is off and how many changes wait, and does not try to sync', async () => {
    const { asked, text } = await render({ ...SIGNED_IN, signedIn: false, account: null, backendUrl: null, lastSyncAt: null, pending: 2 });
    expect(text).toBe('Team sync is off: sign in on the options page. 2 change(s) waiting to sync.');
    expect(asked).toEqual(['sync.status']);
  });

  it('signed in: syncs on opening, then tells the popup to show what came in', async () => {
    const { asked, text, onSynced } = await render({ ...SIGNED_IN, pending: 4 }, SIGNED_IN);
    expect(asked).toEqual(['sync.status', 'sync.now']);
    expect(text).toMatch(/^Synced .+\.\s*Sync now$/);
    expect(onSynced).toHaveBeenCalledTimes(1);
  });

  it('a failed sync: the reason, what still waits, refusals and lost conflicts; the popup is not told of new data', async () => {
    const failed = { ...SIGNED_IN, pending: 3, rejections: 1, conflicts: 2, lastError: { code: 'offline', message: 'the team server cannot be reached; changes are kept and sent when it can' } };
    const { text, onSynced } = await render(SIGNED_IN, failed);
    expect(text).toContain('3 change(s) waiting to sync.');
    expect(text).toContain('1 change(s) refused by the team server (undone here).');
    expect(text).toContain('2 of your value(s) lost to a teammate’s later edit');
    expect(text).toContain('Show the 2 value(s) of yours that lost');
    expect(text).toContain('Sync failed: the team server cannot be reached');
    expect(onSynced).not.toHaveBeenCalled();
  });

  it('an expired or revoked token asks the rep to sign in again', async () => {
    const { text } = await render(SIGNED_IN, { ...SIGNED_IN, lastError: { code: 'unauthorized', message: 'your session expired' } });
    expect(text).toContain('Sync stopped: sign in again on the options page (your session expired).');
  });
});
