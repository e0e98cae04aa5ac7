import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUserDataDir, openSidebar, openTab, removeUserDataDir, sendRaw, sidebar, sidebarField, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { BACKEND_URL, launchSidecarWithBackend, PASSWORD, startSyncServer, type SyncServer } from './support/sync-server';
import { makeLead, stamper } from '../server/records';

const ALICE = 'alice@fincar-sales.test';
const BOB = 'bob@fincar-sales.test';
const SITE = 'http://www.fincar.com.au/';

let pages: PageServer;
let backend: SyncServer;
const dirs: string[] = [];
const browsers: SidecarBrowser[] = [];

beforeAll(async () => {
  [pages, backend] = await Promise.all([startPageServer(), startSyncServer()]);
  // Alice clips the company, so the lead is hers; Bob, her manager, may edit it too.
  await backend.team('FinCar Sales', [ALICE, BOB], { [BOB]: 'manager' });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await pages?.close();
  await backend?.close();
  for (const dir of dirs) await removeUserDataDir(dir);
});

async function launch(): Promise<SidecarBrowser> {
  const dir = await makeUserDataDir();
  dirs.push(dir);
  const browser = await launchSidecarWithBackend(dir, pages.port, backend.port());
  browsers.push(browser);
  return browser;
}

/** The rep types the backend address, email and password on the options page (a typo first, when asked). */
async function signIn(browser: SidecarBrowser, email: string, typoFirst = false): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const form = options.getByTestId('backend-sign-in');
  await form.locator('[name="backendUrl"]').fill(BACKEND_URL);
  await form.locator('[name="backendEmail"]').fill(email);
  if (typoFirst) {
    await form.locator('[name="backendPassword"]').fill(`${PASSWORD}!`);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByRole('alert').getByText('Could not sign in: Wrong email or password.').waitFor({ timeout: WAIT_MS });
  }
  await form.locator('[name="backendPassword"]').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.getByTestId('backend-signed-in').getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT_MS });
  await options.close();
}

/** Opens the popup (which syncs) and waits until its sync line reports a finished sync with nothing pending. */
async function syncThroughPopup(browser: SidecarBrowser): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.locator('[data-testid="sync-status"][data-pending="0"]').getByText(/^Synced /).waitFor({ timeout: WAIT_MS });
  return popup;
}

/** The rep's name on the options page: histories and overrides record who acted. */
async function setName(browser: SidecarBrowser, name: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.locator('[name="repName"]').fill(name);
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.getByRole('status').getByText('Settings saved.').waitFor({ timeout: WAIT_MS });
  await options.close();
}

async function leadAt(page: Page, url: string): Promise<Record<string, unknown> | null> {
  const answer = (await sendRaw(page, { type: 'lead.forUrl', data: { url } })) as { ok: boolean; data: { lead: Record<string, unknown> | null } };
  expect(answer.ok).toBe(true);
  return answer.data.lead;
}

async function saveFromSidebar(browser: SidecarBrowser, page: Page, edit: (page: Page) => Promise<void>): Promise<void> {
  await openSidebar(browser, page);
  await edit(page);
  await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
  await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
}

describe('team sync between two browsers', () => {
  test('a lead clipped in one browser appears in the other; offline edits of different fields both survive in both; a manager’s tier override reaches the rep', { timeout: 240_000 }, async () => {
    const [alice, bob] = await Promise.all([launch(), launch()]);
    await signIn(alice, ALICE, true);
    await signIn(bob, BOB);

    // Alice clips the company; Bob's popup pulls it.
    const aliceTab = await openTab(alice, SITE);
    await saveFromSidebar(alice, aliceTab, async () => undefined);
    const alicePopup = await syncThroughPopup(alice);
    const bobPopup = await syncThroughPopup(bob);
    const pulled = await leadAt(bobPopup, SITE);
    expect(pulled).toMatchObject({ name: 'FinCar', domain: 'fincar.com.au', stage: 'not_contacted' });
    expect(pulled!.id).toBe((await leadAt(alicePopup, SITE))!.id);
    await bobPopup.getByTestId('lead-row').getByText('FinCar').first().waitFor({ timeout: WAIT_MS });

    // The server goes away; each rep edits a different field of the lead.
    await backend.stop();
    await saveFromSidebar(alice, aliceTab, async (page) => void (await sidebarField(page, 'stage').selectOption('initial_contact')));
    const bobTab = await openTab(bob, SITE);
    await saveFromSidebar(bob, bobTab, (page) => sidebarField(page, 'description').fill('Fleet finance for small firms, typed by Bob'));
    await alicePopup.reload();
    await alicePopup.getByTestId('sync-status').getByRole('alert').getByText(/Sync failed: the team server cannot be reached/).waitFor({ timeout: WAIT_MS });
    expect(Number(await alicePopup.getByTestId('sync-status').getAttribute('data-pending'))).toBeGreaterThan(0);

    // Back online: both sync (Alice twice, to pull Bob's edit), and both edits are in both browsers.
    await backend.start();
    await (await syncThroughPopup(alice)).close();
    await (await syncThroughPopup(bob)).close();
    const finalAlice = await syncThroughPopup(alice);
    const finalBob = await syncThroughPopup(bob);
    for (const popup of [finalAlice, finalBob]) {
      expect(await leadAt(popup, SITE)).toMatchObject({ stage: 'initial_contact', description: 'Fleet finance for small firms, typed by Bob' });
    }
    expect(await leadAt(finalAlice, SITE)).toEqual(await leadAt(finalBob, SITE));

    // Bob, her manager, raises the tier from his popup, with a reason; Alice's popup shows his tier, reason, name and
    // time after her next sync, and offers her no override of her own.
    await setName(bob, 'Bob Manager');
    const leadId = String((await leadAt(finalBob, SITE))!.id);
    const bobCard = await bob.openExtensionPage(`popup.html?lead=${leadId}`);
    const bobPanel = bobCard.getByTestId('tier-history');
    await bobPanel.locator('summary').click();
    await bobPanel.locator('[name="overrideTier"]').selectOption('S');
    await bobPanel.locator('[name="overrideReason"]').fill('Group account, strategic');
    await bobPanel.getByRole('button', { name: 'Override' }).click();
    await bobCard.getByTestId('tier-override').getByText(/^Set to S by Bob Manager on .+: Group account, strategic$/).waitFor({ timeout: WAIT_MS });
    await (await syncThroughPopup(bob)).close();
    await (await syncThroughPopup(alice)).close();
    const aliceCard = await alice.openExtensionPage(`popup.html?lead=${leadId}`);
    await aliceCard.getByTestId('tier-override').getByText(/^Set to S by Bob Manager on .+: Group account, strategic$/).waitFor({ timeout: WAIT_MS });
    expect(await aliceCard.getByTestId('site-lead').getByTestId('tier-badge').first().innerText()).toBe('S');
    await aliceCard.getByTestId('tier-history').locator('summary').click();
    await aliceCard.getByTestId('override-managers-only').waitFor({ timeout: WAIT_MS });
    expect(await aliceCard.locator('[name="overrideTier"]').count()).toBe(0);
    expect(await aliceCard.getByTestId('tier-history').innerText()).toContain('Bob Manager: Group account, strategic');
  });

  test('a lead nobody owns is in the other rep’s team pool, and claiming it there makes it theirs', { timeout: 180_000 }, async () => {
    // Bob, the manager, shares a company without an owner (as an import would), straight through the team API.
    const api = `http://127.0.0.1:${backend.port()}`;
    const signedIn = await fetch(`${api}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BOB, password: PASSWORD }) });
    const { token } = (await signedIn.json()) as { token: string };
    const pooled = makeLead(stamper('bob-import', Date.now() - 2 * 3_600_000)(), { name: 'Pool Motors', domain: 'pool-motors.example', tier: 'A' });
    const pushed = await fetch(`${api}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'e2e-import', mutations: [{ op: 'put', table: 'leads', record: pooled, mutationId: 1 }] }),
    });
    expect(pushed.status).toBe(200);

    // Alice's popup pulls it into her team pool; she claims it there.
    const alice = await launch();
    await signIn(alice, ALICE);
    const popup = await syncThroughPopup(alice);
    await popup.getByTestId('pool-tab').getByText(/^Team pool \(\d+\)$/).waitFor({ timeout: WAIT_MS });
    await popup.getByTestId('pool-tab').click();
    const row = popup.getByTestId('pool-lead').filter({ hasText: 'Pool Motors' });
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.innerText()).toMatch(/pool-motors\.example · in the pool 2 h \d+ min/);
    await row.getByRole('button', { name: 'Claim' }).click();
    await popup.getByTestId('site-lead').getByText('Pool Motors').waitFor({ timeout: WAIT_MS });
    await popup.getByTestId('owner').getByText('You').waitFor({ timeout: WAIT_MS });
    expect(await popup.getByTestId('pool-lead').filter({ hasText: 'Pool Motors' }).count()).toBe(0);
  });
});
