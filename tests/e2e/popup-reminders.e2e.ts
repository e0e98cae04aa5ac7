import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSidecar, makeUserDataDir, openSidebar, openTab, removeUserDataDir, sendRaw, sidebar, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

const SITE = 'http://www.northwind-machines.com/';
const PAGE = `<!doctype html><html><head><title>Northwind Machines | CNC lathes</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Northwind Machines","url":"${SITE}"}</script>
</head><body><h1>Northwind Machines</h1><p>CNC lathes for small factories.</p></body></html>`;

type Answer<T> = { ok: true; data: T } | { ok: false; error: { message: string } };
type Draft = Record<string, unknown> & { kind: string };

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  server.add(SITE, PAGE);
  userDataDir = await makeUserDataDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const answer = (await sendRaw(page, { type, data })) as Answer<T>;
  if (!answer.ok) throw new Error(`${type}: ${answer.error.message}`);
  return answer.data;
}

/**
 * The ids of the notifications on screen, read from one of our pages: asking the service worker would wake it,
 * and the test must see that the alarm alone does.
 */
async function shownNotifications(page: Page): Promise<string[]> {
  return page.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
}

async function waitForNotification(page: Page, id: string, timeoutMs: number): Promise<void> {
  await expect.poll(() => shownNotifications(page), { timeout: timeoutMs, interval: 250 }).toContain(id);
}

/** Stops the extension's service worker the way Chrome stops an idle one (DevTools protocol, from our own page). */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => versions.push(...updated));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running'), { timeout: WAIT_MS }).toBe(true);
    const running = versions.findLast((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running')!;
    await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
    await expect.poll(() => versions.at(-1)?.runningStatus, { timeout: WAIT_MS }).toBe('stopped');
  } finally {
    await cdp.detach();
  }
}

/** The playbook's proposal of a first contact for the lead. */
async function firstContactProposal(page: Page, leadId: string): Promise<Draft> {
  const { card } = await send<{ card: { proposals: Draft[] } }>(page, 'lead.card', { leadId });
  return card.proposals.find((p) => p.kind === 'first_response')!;
}

/** The rep accepts a proposal as a task of their own words, with the reminder `inMs` from now. */
async function acceptWithReminder(page: Page, draft: Draft, title: string, inMs: number): Promise<string> {
  const remindAt = new Date(Date.now() + inMs).toISOString();
  const dueAt = new Date(Date.now() + 3_600_000).toISOString();
  const { task } = await send<{ task: { id: string } }>(page, 'task.accept', { draft, edits: { title, dueAt, remindAt } });
  return task.id;
}

describe('task reminders in Chromium', () => {
  test('a reminder is shown when due, wakes a stopped service worker, and one pending when the browser closes is shown after it restarts', async () => {
    browser = await launchSidecar(userDataDir, server.port);
    const site = await openTab(browser, SITE);
    await openSidebar(browser, site);
    await sidebar(site).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(site).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
    const popup = await browser.openExtensionPage('popup.html');
    const { lead } = await send<{ lead: { id: string } }>(popup, 'lead.forUrl', { url: SITE });

    const draft = await firstContactProposal(popup, lead.id);
    const soon = await acceptWithReminder(popup, draft, 'Call Northwind', 2_000);
    await waitForNotification(popup, `sidecar-task:${soon}`, 20_000);

    // A reminder due in 6 s with the service worker stopped (as Chrome stops idle workers): the alarm wakes it.
    const whileStopped = await acceptWithReminder(popup, draft, 'Email Northwind', 6_000);
    await stopServiceWorker(popup);
    await waitForNotification(popup, `sidecar-task:${whileStopped}`, 20_000);

    // Another reminder, due in 8 s; the browser is closed before then and opened again.
    const pending = await acceptWithReminder(popup, draft, 'Send Northwind the quote', 8_000);
    await browser.close();
    browser = await launchSidecar(userDataDir, server.port);
    const reopened = await browser.openExtensionPage('popup.html');
    await waitForNotification(reopened, `sidecar-task:${pending}`, 30_000);
    // The reminders shown before the restart are not shown again.
    expect(await shownNotifications(reopened)).toEqual([`sidecar-task:${pending}`]);
  });
});
