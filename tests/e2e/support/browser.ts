import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/find-chromium.mjs';
import { EXTENSION_DIR } from './paths';

/** Bounded waits: long enough for a loaded CI machine, short enough that a hang fails quickly. */
export const WAIT_MS = 15_000;

/** Just enough of the extension API for code that runs inside the service worker or an extension page. */
export interface ChromeApi {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
export type ExtensionScope = typeof globalThis & {
  chrome: ChromeApi;
  sidecarE2E: { openSidebar(tabId: number): Promise<void> };
};

export interface SidecarBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (found again if Chromium restarted it). */
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page (e.g. "popup.html") in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser; the profile stays for a relaunch. */
  close(): Promise<void>;
}

export const makeUserDataDir = () => mkdtemp(join(tmpdir(), 'sidecar-e2e-'));
export const removeUserDataDir = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 3 });

const isOurWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://') && worker.url().endsWith('/background.js');

/** Launches Chromium with the e2e build loaded; every host name resolves to the local page server. */
export function launchSidecar(userDataDir: string, pageServerPort: number): Promise<SidecarBrowser> {
  return launchSidecarWith(userDataDir, {
    hostRules: `MAP * 127.0.0.1:${pageServerPort}`,
    flags: PLAIN_HTTP_FLAGS,
  });
}

/** The corpus pages are plain http: no automatic upgrade attempt, no "not secure" interstitial. */
export const PLAIN_HTTP_FLAGS = ['--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites'];

/**
 * Launches Chromium with the e2e build loaded, host names resolved by `hostRules` (Chromium's
 * --host-resolver-rules) and any further `flags`; finds the extension's service worker.
 */
export async function launchSidecarWith(userDataDir: string, { hostRules, flags = [] }: { hostRules: string; flags?: string[] }): Promise<SidecarBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_FLAGS, `--host-resolver-rules=${hostRules}`, ...flags],
  });
  context.setDefaultTimeout(WAIT_MS);
  try {
    const serviceWorker = async (): Promise<Worker> =>
      context.serviceWorkers().find(isOurWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: WAIT_MS }));
    const extensionId = new URL((await serviceWorker()).url()).host;
    return {
      context,
      extensionId,
      userDataDir,
      serviceWorker,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Opens a URL (served by the page server under its real host name) in a new tab. */
export async function openTab(browser: SidecarBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
  return page;
}

/** The browser's id for the tab showing this page, as the service worker sees it. */
export async function tabIdOf(browser: SidecarBrowser, page: Page): Promise<number> {
  const sw = await browser.serviceWorker();
  const url = page.url();
  const tabs = await sw.evaluate(() => (globalThis as ExtensionScope).chrome.tabs.query({}));
  const matching = tabs.filter((tab) => tab.url === url && tab.id !== undefined);
  if (matching.length !== 1) throw new Error(`Expected one tab showing ${url}, found ${matching.length}.`);
  return matching[0]!.id!;
}

/** Everything in the injected sidebar (Playwright's CSS locators pierce its open shadow root). */
export const sidebar = (page: Page) => page.locator('sidecar-sidebar');
export const sidebarField = (page: Page, name: string): Locator => page.locator(`sidecar-sidebar [name="${name}"]`);

/**
 * Opens the sidebar on a tab the way the toolbar popup, keyboard command and context menu do (they all call
 * openSidebar in the service worker), then waits until the form is shown.
 */
export async function openSidebar(browser: SidecarBrowser, page: Page): Promise<void> {
  const tabId = await tabIdOf(browser, page);
  const sw = await browser.serviceWorker();
  await sw.evaluate((id) => (globalThis as ExtensionScope).sidecarE2E.openSidebar(id), tabId);
  await sidebarField(page, 'name').waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Sends a raw message to the background from an extension page, as the popup would. */
export function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((raw) => (globalThis as ExtensionScope).chrome.runtime.sendMessage(raw), message);
}

/**
 * Runs an expression in the sidebar content script's isolated world on a page (found over CDP: the world
 * whose origin is the extension's), to send messages exactly as a content script inside that page could.
 * The sidebar must have been opened on the page first.
 */
export async function evaluateInContentScript(browser: SidecarBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((w) => w.origin === `chrome-extension://${browser.extensionId}` && w.auxData?.type === 'isolated');
    if (!world) throw new Error(`No Sidecar content-script world in ${page.url()}: open the sidebar first.`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`In the content script: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}
