import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUserDataDir, removeUserDataDir, sendRaw, WAIT_MS, type SidecarBrowser } from './support/browser';
import { launchWebmailSidecar, startHttpsPageServer, type HttpsPageServer } from './support/https-server';
import { ARTIFACTS_DIR } from './support/paths';
import { fixtureHtml, URLS } from '../lib/webmail/load-fixture';

let server: HttpsPageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

/** The lead of the customer's company, saved before the thread is opened (as a clip of its website would). */
const ACME_CAPTURE = {
  url: 'https://www.acme-gmbh.de/',
  title: 'Acme GmbH',
  domain: 'acme-gmbh.de',
  fields: { name: { value: 'Acme GmbH', source: 'json-ld', snippet: 'Acme GmbH', confidence: 0.95 }, emails: [], phones: [], people: [], addresses: [], social: [] },
  warnings: [],
};

/** A third Gmail account's inbox with a new email being written (the server serves one page per path: /mail/u/0/ and /mail/u/1/ are threads). */
const GMAIL_COMPOSE = 'https://mail.google.com/mail/u/2/#inbox?compose=new';

beforeAll(async () => {
  server = await startHttpsPageServer();
  server.add(URLS.gmailThread, fixtureHtml('gmail-thread.html'));
  server.add(URLS.outlookThread, fixtureHtml('outlook-thread.html'));
  server.add(CHANGED_GMAIL_THREAD, fixtureHtml('gmail-markup-changed.html'));
  server.add(GMAIL_COMPOSE, fixtureHtml('gmail-compose.html'));
  userDataDir = await makeUserDataDir();
  browser = await launchWebmailSidecar(userDataDir, server.port);
});

/** Another Gmail account's tab (/mail/u/1/), showing a thread whose markup Gmail changed. */
const CHANGED_GMAIL_THREAD = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKxLmNqPbRtVwYz';

/** Saves the customer's lead as a clip of its website would (saving it again files into the same lead). */
async function acmeLeadId(b: SidecarBrowser): Promise<string> {
  const options = await b.openExtensionPage('options.html');
  const saved = (await sendRaw(options, { type: 'clip.save', data: { capture: ACME_CAPTURE, edits: {} } })) as { ok: boolean; data: { lead: { id: string } } };
  await options.close();
  expect(saved.ok).toBe(true);
  return saved.data.lead.id;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

const panel = (page: Page) => page.locator('sidecar-webmail');

/** Opens the thread, waits for the panel to show the lead, and logs the newest email in two clicks. */
async function logFromPanel(page: Page, leadId: string): Promise<string> {
  const card = panel(page).locator(`[data-testid="webmail-company"][data-lead-id="${leadId}"]`);
  await card.waitFor({ timeout: WAIT_MS });
  await card.getByTestId('log-email').click();
  await panel(page).getByTestId('save-email-log').click();
  const status = panel(page).getByTestId('webmail-status');
  await status.waitFor({ timeout: WAIT_MS });
  return status.innerText();
}

/** The live activities in the extension's IndexedDB, read in the service worker (the only context that opens it). */
type StoredActivity = { leadId: string; externalKey: string | null; subject: string | null; direction: string; deletedAt: string | null };
async function storedActivities(b: SidecarBrowser): Promise<StoredActivity[]> {
  const sw = await b.serviceWorker();
  return sw.evaluate(
    () =>
      new Promise<StoredActivity[]>((resolve, reject) => {
        const open = indexedDB.open('sidecar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('activities').objectStore('activities').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as StoredActivity[]).filter((a) => !a.deletedAt));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('webmail in Chromium', () => {
  test('a Gmail thread served under mail.google.com: the panel shows the lead, logging it twice (and after a reload, and from a second tab) stores one activity', async () => {
    if (!browser) throw new Error('no browser');
    const leadId = await acmeLeadId(browser);

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(URLS.gmailThread, { waitUntil: 'domcontentloaded' });
    const card = panel(page).locator(`[data-testid="webmail-company"][data-lead-id="${leadId}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    // The rep's own domain is not a company; the customer's is, with its lead's tier and stage.
    expect(await panel(page).getByTestId('webmail-company').count()).toBe(1);
    expect(await card.getAttribute('data-domain')).toBe('acme-gmbh.de');
    expect(await card.innerText()).toContain('Acme GmbH');

    expect(await logFromPanel(page, leadId)).toBe('Logged on Acme GmbH.');
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await logFromPanel(page, leadId)).toBe('Already logged on Acme GmbH: nothing was added.');

    const second = await browser.context.newPage();
    await second.goto(URLS.gmailThread, { waitUntil: 'domcontentloaded' });
    expect(await logFromPanel(second, leadId)).toBe('Already logged on Acme GmbH: nothing was added.');

    const activities = await storedActivities(browser);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ leadId, direction: 'inbound', subject: 'Quote for 200 rack servers 🖥️', externalKey: expect.stringMatching(/^email:v1:gmail:/) });
    // The logged email is now among the lead's last touches in the panel.
    expect(await card.getByTestId('last-touches').innerText()).toContain('Quote for 200 rack servers');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'webmail-panel.png') });
    expect(page.url().startsWith('https://mail.google.com/')).toBe(true);
    expect(errors.filter((e) => /TrustedHTML|Trusted Type/i.test(e))).toEqual([]);
  });

  test('writing a new Gmail email to the customer: the panel shows their lead, with nothing to log yet', async () => {
    if (!browser) throw new Error('no browser');
    const leadId = await acmeLeadId(browser);
    const page = await browser.context.newPage();
    await page.goto(GMAIL_COMPOSE, { waitUntil: 'domcontentloaded' });
    const company = page.locator('sidecar-webmail [data-testid="webmail-compose"] [data-testid="webmail-company"]');
    await company.first().waitFor({ timeout: WAIT_MS });
    expect(await company.first().getAttribute('data-lead-id')).toBe(leadId);
    expect(await page.locator('sidecar-webmail [data-testid="log-email"]').count()).toBe(0);
    await page.close();
  });

  test('an Outlook thread under outlook.office.com shows the same lead, and logs into it', async () => {
    if (!browser) throw new Error('no browser');
    const leadId = await acmeLeadId(browser);
    const page = await browser.context.newPage();
    await page.goto(URLS.outlookThread, { waitUntil: 'domcontentloaded' });
    expect(await logFromPanel(page, leadId)).toBe('Logged on Acme GmbH.');
    const outlook = (await storedActivities(browser)).filter((a) => a.externalKey?.startsWith('email:v1:outlook:'));
    expect(outlook).toHaveLength(1);
    expect(outlook[0]!.leadId).toBe(leadId);
  });

  test('a thread whose markup changed: the panel says so plainly, logs it by hand, and the options page counts the failure', async () => {
    if (!browser) throw new Error('no browser');
    const leadId = await acmeLeadId(browser);
    const before = (await storedActivities(browser)).length;
    const page = await browser.context.newPage();
    await page.goto(CHANGED_GMAIL_THREAD, { waitUntil: 'domcontentloaded' });
    const notice = panel(page).getByTestId('webmail-unreadable');
    await notice.waitFor({ timeout: WAIT_MS });
    expect(await notice.innerText()).toContain('Sidecar could not read this thread');
    expect(await logFromPanel(page, leadId)).toBe('Logged on Acme GmbH.');
    const after = await storedActivities(browser);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((a) => a.externalKey?.includes(':manual~') && a.subject === 'Quote for 200 rack servers')).toHaveLength(1);

    const options = await browser.openExtensionPage('options.html');
    const failures = options.getByTestId('webmail-failures');
    await failures.getByText(/Threads Sidecar could not read: \d+/).waitFor({ timeout: WAIT_MS });
    expect(await failures.innerText()).toMatch(/Gmail [1-9]\d*, Outlook 0/);

    // The privacy settings: an entry that is neither an address nor a domain is refused and named; a valid list is kept.
    const section = options.getByTestId('webmail-options');
    await section.locator('textarea[name="neverLog"]').fill('ceo@acme-gmbh.de\nnot a domain');
    await section.getByRole('button', { name: 'Save email settings' }).click();
    await section.getByTestId('webmail-options-status').getByText(/privacy\.neverLog\.1: an address/).waitFor({ timeout: WAIT_MS });
    await section.locator('textarea[name="neverLog"]').fill('CEO@acme-gmbh.de\n@rival.cn');
    await section.locator('input[name="bodyRetention"][value="none"]').check();
    await section.getByRole('button', { name: 'Save email settings' }).click();
    await section.getByTestId('webmail-options-status').getByText('Email settings saved.').waitFor({ timeout: WAIT_MS });
    await options.reload();
    expect(await options.locator('textarea[name="neverLog"]').inputValue()).toBe('ceo@acme-gmbh.de\n@rival.cn');
    expect(await options.locator('input[name="bodyRetention"][value="none"]').isChecked()).toBe(true);
  });
});
