import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchSidecar,
  makeUserDataDir,
  openSidebar,
  openTab,
  removeUserDataDir,
  sendRaw,
  sidebar,
  tabIdOf,
  WAIT_MS,
  type ExtensionScope,
  type SidecarBrowser,
} from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

type BadgeScope = ExtensionScope & {
  chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string>; getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]> } };
};

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  userDataDir = await makeUserDataDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

/** The toolbar badge of a tab, read in the service worker, once it equals `expected` (or the last value seen). */
async function badgeOnceIs(b: SidecarBrowser, tabId: number, expected: string): Promise<{ text: string; color: number[] }> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const sw = await b.serviceWorker();
    const seen = await sw.evaluate(async (id) => {
      const { action } = (globalThis as BadgeScope).chrome;
      return { text: await action.getBadgeText({ tabId: id }), color: await action.getBadgeBackgroundColor({ tabId: id }) };
    }, tabId);
    if (seen.text === expected || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the toolbar badge (opt-in)', () => {
  test('shows a saved S-tier lead on its site once the rep turns it on, and nothing elsewhere', async () => {
    browser = await launchSidecar(userDataDir, server.port);

    // The rep opts in on the options page.
    const options = await browser.openExtensionPage('options.html');
    const optIn = options.getByRole('checkbox', { name: 'Show each site’s tier on the toolbar icon' });
    expect(await optIn.isChecked()).toBe(false);
    await optIn.click();
    await expect.poll(() => optIn.isChecked(), { timeout: WAIT_MS }).toBe(true);

    // The rep clips fincar.com.au and records what the customer said: a big company, budget, a decision this month.
    const page = await openTab(browser, 'http://www.fincar.com.au/');
    await openSidebar(browser, page);
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
    const found = (await sendRaw(options, { type: 'lead.forUrl', data: { url: 'http://www.fincar.com.au/' } })) as { ok: boolean; data: { lead: { id: string } } };
    const edits = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' }, decisionTimeline: 'this month' };
    const updated = (await sendRaw(options, { type: 'lead.update', data: { id: found.data.lead.id, edits } })) as { ok: boolean; data: { lead: { tier: string } } };
    expect(updated).toMatchObject({ ok: true, data: { lead: { tier: 'S' } } });

    // On the company's site (another page of it), the icon shows S in the S colour (#b91c1c).
    await page.goto('http://www.fincar.com.au/contact', { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    const tabId = await tabIdOf(browser, page);
    expect(await badgeOnceIs(browser, tabId, 'S')).toEqual({ text: 'S', color: [185, 28, 28, 255] });

    // A site with no lead shows nothing.
    await page.goto('http://www.ibm.com/', { waitUntil: 'domcontentloaded' });
    expect((await badgeOnceIs(browser, tabId, '')).text).toBe('');

    // Turned off: the badge goes away from the company's site too.
    await page.goto('http://www.fincar.com.au/', { waitUntil: 'domcontentloaded' });
    expect((await badgeOnceIs(browser, tabId, 'S')).text).toBe('S');
    await options.bringToFront();
    await optIn.click();
    await expect.poll(() => optIn.isChecked(), { timeout: WAIT_MS }).toBe(false);
    expect((await badgeOnceIs(browser, tabId, '')).text).toBe('');
  });
});
