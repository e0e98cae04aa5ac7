import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUserDataDir, removeUserDataDir, sendRaw, sidebar, WAIT_MS, type ExtensionScope } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { launchWithToolbar, storePermissionBuild, storePermissions, type ToolbarBrowser } from './support/toolbar-click';

/** Facts that earn S with the playbook's defaults: 1000+ staff (30), a budget covering a deal (30), deciding this month (20). */
const S_FACTS = { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' }, decisionTimeline: '本月' };
const SITE = 'http://www.northwind-traders.com/';

let server: PageServer;
let userDataDir: string;
let extensionDir: string;
let browser: ToolbarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  server.add(SITE, '<!doctype html><html><head><title>Northwind Traders</title></head><body><h1>Northwind Traders</h1><p>Wholesale food distribution.</p></body></html>');
  userDataDir = await makeUserDataDir();
  extensionDir = await storePermissionBuild();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

/** The URLs of the open tabs as the extension may read them (undefined where it may not). */
const readableUrls = (b: ToolbarBrowser) => b.worker.evaluate(async () => (await (globalThis as ExtensionScope).chrome.tabs.query({})).map((tab) => tab.url));

describe('the toolbar popup with the store build’s permissions (activeTab, no tabs)', () => {
  test('pressing the icon lets the popup read the tab’s site: clip it from there, and the next press shows its tier', async () => {
    const permissions = storePermissions();
    expect(permissions.permissions).toContain('activeTab');
    expect(permissions.permissions).not.toContain('tabs');
    expect(permissions.host_permissions.filter((host) => host.startsWith('http://'))).toEqual([]);

    browser = await launchWithToolbar(userDataDir, extensionDir, server.port);
    const page = await browser.context.newPage();
    await page.goto(SITE, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
    // Before any press, the extension cannot see which site the tab shows.
    const granted = await browser.worker.evaluate(() => (globalThis as ExtensionScope & { chrome: { permissions: { getAll(): Promise<{ permissions?: string[] }> } } }).chrome.permissions.getAll());
    expect(granted.permissions).not.toContain('tabs');
    expect(await readableUrls(browser)).not.toContain(SITE);

    // The press grants activeTab on this tab: the popup names the site and offers the sidebar.
    const first = await browser.clickToolbarIcon(page);
    await first.waitFor<boolean>(`document.body.innerText.includes('No lead for northwind-traders.com yet.')`, 'the site of the tab');
    expect(await readableUrls(browser)).toContain(SITE);
    await first.evaluate(`(document.querySelector('header button').click(), true)`);
    // The sidebar is scripted into the page through the same grant, and saves the lead.
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });

    // The rep learns the facts that make it S (sent as the sidebar would, from an extension page).
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const found = (await sendRaw(extensionPage, { type: 'lead.forUrl', data: { url: SITE } })) as { ok: boolean; data: { lead: { id: string } } };
    expect(found.ok).toBe(true);
    expect(await sendRaw(extensionPage, { type: 'lead.update', data: { id: found.data.lead.id, edits: S_FACTS } })).toMatchObject({ ok: true, data: { lead: { tier: 'S' } } });
    await extensionPage.close();

    await page.bringToFront();
    const second = await browser.clickToolbarIcon(page);
    const badge = await second.waitFor<string>(`document.querySelector('[data-testid="site-lead"] [data-testid="tier-badge"]')?.textContent`, 'the lead’s tier');
    expect(badge).toBe('S');
    expect(await second.evaluate<string>(`document.querySelector('[data-testid="site-lead"]').innerText`)).toContain('Northwind Traders');
    expect(await second.evaluate<string>(`document.querySelector('[data-testid="score-total"]').textContent`)).toBe('Score 80/100');
  });
});
