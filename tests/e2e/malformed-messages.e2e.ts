import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  evaluateInContentScript,
  launchSidecar,
  makeUserDataDir,
  openSidebar,
  openTab,
  removeUserDataDir,
  sendRaw,
  sidebar,
  tabIdOf,
  WAIT_MS,
  type SidecarBrowser,
} from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser;

beforeAll(async () => {
  server = await startPageServer();
  userDataDir = await makeUserDataDir();
  browser = await launchSidecar(userDataDir, server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

/** Clips a corpus page through the sidebar, as a rep would. */
async function clip(url: string) {
  const page = await openTab(browser, url);
  await openSidebar(browser, page);
  await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
  await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
  return page;
}

const refused = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

describe('the background refuses malformed messages and keeps working', () => {
  test('answers each bad message with a coded error, and the saved leads are untouched', async () => {
    await clip('http://www.fincar.com.au/');
    await clip('http://www.caltronind.com/');

    const popup = await browser.openExtensionPage('popup.html');
    const recent = { type: 'lead.recent', data: { limit: 100 } };
    const before = (await sendRaw(popup, recent)) as { ok: boolean; data: { leads: Array<{ domain: string }> } };
    expect(before.ok).toBe(true);
    expect(before.data.leads.map((lead) => lead.domain).sort()).toEqual(['caltronind.com', 'fincar.com.au']);

    const cases: Array<[unknown, string]> = [
      [{ type: 'clip.save', data: { capture: 42 } }, 'INVALID_MESSAGE'],
      [{ type: 'nope' }, 'UNKNOWN_MESSAGE'],
      [{}, 'INVALID_MESSAGE'],
      [{ type: 'nope', data: { anything: true } }, 'UNKNOWN_MESSAGE'],
      [{ type: '__proto__', data: {} }, 'UNKNOWN_MESSAGE'],
      [{ type: 'constructor' }, 'UNKNOWN_MESSAGE'],
      [{ type: 'toString', data: {} }, 'UNKNOWN_MESSAGE'],
      [{ type: 'x'.repeat(10_000) }, 'INVALID_MESSAGE'],
      [{ type: 42, data: {} }, 'INVALID_MESSAGE'],
      ['clip.save', 'INVALID_MESSAGE'],
      [null, 'INVALID_MESSAGE'],
      [{ type: 'lead.recent' }, 'INVALID_MESSAGE'],
      [{ type: 'lead.recent', data: { limit: 1e9 } }, 'INVALID_MESSAGE'],
      [{ type: 'lead.update', data: { id: 'not-an-id', edits: { stage: 'won' } } }, 'INVALID_MESSAGE'],
      [{ type: 'clip.save', data: { capture: { url: 'not a url', title: '', domain: 'evil.com', fields: { emails: [], phones: [] }, warnings: [] }, edits: {} } }, 'INVALID_MESSAGE'],
      [{ type: 'clip.save', data: { capture: { url: 'http://evil.com/', title: '', domain: 'evil.com', fields: { emails: 'x', phones: [] }, warnings: [] }, edits: {} } }, 'INVALID_MESSAGE'],
    ];
    for (const [message, code] of cases) {
      expect({ message, answer: await sendRaw(popup, message) }).toEqual({ message, answer: refused(code) });
    }

    // Still working, and nothing was changed.
    expect(await sendRaw(popup, recent)).toEqual(before);
    expect(await sendRaw(popup, { type: 'lead.forUrl', data: { url: 'http://www.fincar.com.au/about' } })).toMatchObject({
      ok: true,
      data: { lead: { name: 'FinCar', domain: 'fincar.com.au' } },
    });
  });

  test('a content script cannot make the background script another tab', async () => {
    const page = await openTab(browser, 'http://www.fincar.com.au/contact');
    await openSidebar(browser, page);
    const other = await openTab(browser, 'http://www.fincar.com.au/about');
    const otherTabId = await tabIdOf(browser, other);

    const answer = await evaluateInContentScript(
      browser,
      page,
      `chrome.runtime.sendMessage({ type: 'sidebar.openInTab', data: { tabId: ${otherTabId} } })`,
    );
    expect(answer).toEqual(refused('INVALID_MESSAGE'));
    // The background answers only after it has (or has not) injected the script, so this is final.
    expect(await other.locator('sidecar-sidebar').count()).toBe(0);

    const malformed = await evaluateInContentScript(browser, page, `chrome.runtime.sendMessage({ type: 'clip.save', data: { capture: 42 } })`);
    expect(malformed).toEqual(refused('INVALID_MESSAGE'));
  });
});
