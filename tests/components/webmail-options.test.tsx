import { parseHTML } from 'linkedom';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { WebmailOptions } from '@/components/WebmailOptions';
import { countWebmailFailure } from '@/lib/settings/webmail-settings-store';

let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
});

async function renderOptions() {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<WebmailOptions />));
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 60)));
  await settle();
  const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  return { document, text };
}

describe('the email options', () => {
  it('shows how many threads could not be read, by webmail, and the last reason', async () => {
    await countWebmailFailure('gmail', 'no-thread-id', new Date('2026-11-20T10:00:00Z'));
    await countWebmailFailure('outlook', 'no-readable-message', new Date('2026-11-21T10:00:00Z'));
    const options = await renderOptions();
    expect(options.text('webmail-failures')).toContain('Threads Sidecar could not read: 2');
    expect(options.text('webmail-failures')).toContain('Gmail 1, Outlook 1');
    expect(options.text('webmail-failures')).toContain('(no message could be read)');
  });

  it('says so when every thread was read', async () => {
    const options = await renderOptions();
    expect(options.text('webmail-failures')).toBe('Sidecar has read every thread you opened.');
  });
});
