import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchSidecar,
  makeUserDataDir,
  openSidebar,
  openTab,
  removeUserDataDir,
  sidebar,
  sidebarField,
  tabIdOf,
  WAIT_MS,
  type SidecarBrowser,
} from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { ARTIFACTS_DIR } from './support/paths';

const YEAR = new Date().getUTCFullYear();
const LEAD_CODE = new RegExp(`^LX${YEAR}\\d{3,}$`);

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

describe('clipping a company', () => {
  test('saves a lead, recognises the company on its other pages, and keeps it after a browser restart', async () => {
    browser = await launchSidecar(userDataDir, server.port);

    // The home page of fincar.com.au: the rep opens the sidebar and saves the company.
    const page = await openTab(browser, 'http://www.fincar.com.au/');
    await openSidebar(browser, page);
    expect(await sidebarField(page, 'name').inputValue()).toBe('FinCar');
    expect(await sidebarField(page, 'domain').inputValue()).toBe('fincar.com.au');
    expect(await sidebar(page).getByTestId('lead-status').textContent()).toContain('New lead');

    // One edit of the rep's own: the stage.
    await sidebarField(page, 'stage').selectOption('initial_contact');
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    const status = sidebar(page).getByTestId('save-status');
    await status.getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
    const code = (await status.textContent())!.replace('Saved as ', '');
    expect(code).toMatch(LEAD_CODE);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sidebar.png') });

    // Another page of the same company: the sidebar knows the lead, and saving adds to it.
    await page.goto('http://www.fincar.com.au/contact', { waitUntil: 'domcontentloaded' });
    await openSidebar(browser, page);
    await sidebar(page).getByText(`Already in your pipeline: ${code}`).waitFor({ timeout: WAIT_MS });
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await status.getByText(`Saved as ${code}`).waitFor({ timeout: WAIT_MS });

    // Restart the browser on the same profile: the lead is still there, once.
    await browser.close();
    browser = await launchSidecar(userDataDir, server.port);
    const site = await openTab(browser, 'http://www.fincar.com.au/about');
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, site)}`);
    await popup.setViewportSize({ width: 380, height: 600 });
    const rows = popup.getByTestId('lead-row');
    await rows.first().waitFor({ timeout: WAIT_MS });
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().innerText()).replace(/\s+/g, ' ');
    expect(row).toContain('FinCar');
    expect(row).toContain(`${code} · fincar.com.au`);
    expect(row).toContain('Initial contact');
    // The toolbar knows the company on any of its pages.
    const thisSite = (await popup.getByTestId('site-lead').innerText()).replace(/\s+/g, ' ');
    expect(thisSite).toContain('FinCar');
    expect(thisSite).toContain('Initial contact');
    // Scored by the playbook on save: a company page alone (no budget, timeline or decision maker) is tier C.
    expect(await popup.getByTestId('site-lead').getByTestId('tier-badge').innerText()).toBe('C');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup.png') });
  });
});
