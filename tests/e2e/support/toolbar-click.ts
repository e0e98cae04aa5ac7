import { cp, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/find-chromium.mjs';
import config from '../../../wxt.config';
import { PLAIN_HTTP_FLAGS, WAIT_MS } from './browser';
import { EXTENSION_DIR } from './paths';

type ManifestFn = (env: { browser: string; manifestVersion: 3; mode: string; command: 'build' }) => Record<string, unknown>;

/**
 * The permissions of the store build, from wxt.config.ts itself (this process is not the e2e build's, so
 * SIDECAR_E2E is unset and the config answers as it does for `npm run build`).
 */
export function storePermissions(): { permissions: string[]; host_permissions: string[]; optional_permissions: string[] } {
  const manifest = (config.manifest as ManifestFn)({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
  return {
    permissions: (manifest.permissions as string[] | undefined) ?? [],
    host_permissions: (manifest.host_permissions as string[] | undefined) ?? [],
    optional_permissions: (manifest.optional_permissions as string[] | undefined) ?? [],
  };
}

/**
 * The e2e build (same code) with the store build's permissions in its manifest, in a fresh folder: no `tabs`
 * and no `http://*` host access, so a company page is readable only through activeTab.
 */
export async function storePermissionBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sidecar-store-permissions-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, JSON.stringify({ ...manifest, ...storePermissions() }, null, 2));
  return dir;
}

/**
 * Launches Chromium with an extension folder and lets the test press the extension's toolbar icon: Chromium's
 * Extensions.triggerAction (DevTools protocol over Playwright's pipe, allowed by --enable-unsafe-extension-debugging)
 * runs the action as a click does, granting activeTab on that tab and opening the popup.
 */
export async function launchWithToolbar(userDataDir: string, extensionDir: string, pageServerPort: number) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_FLAGS,
      `--host-resolver-rules=MAP * 127.0.0.1:${pageServerPort}`,
      ...PLAIN_HTTP_FLAGS,
      '--enable-unsafe-extension-debugging',
    ],
  });
  context.setDefaultTimeout(WAIT_MS);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: WAIT_MS }));
    const extensionId = new URL(worker.url()).host;
    const cdp = await context.browser()!.newBrowserCDPSession();
    return { context, extensionId, worker, clickToolbarIcon: (page: Page) => clickToolbarIcon(cdp, extensionId, page), close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The popup the click opened (Chromium does not show it to Playwright as a page: it is reached over CDP). */
export interface ToolbarPopup {
  /** Evaluates an expression in the popup's document and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the popup, and returns it. */
  waitFor<T>(expression: string, what: string): Promise<T>;
}

async function clickToolbarIcon(cdp: CDPSession, extensionId: string, page: Page): Promise<ToolbarPopup> {
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const targets = async (type: string) => ((await cdp.send('Target.getTargets', { filter: [{ type }] })) as { targetInfos: TargetInfo[] }).targetInfos;
  const tab = (await targets('tab')).find((target) => target.url === page.url());
  if (!tab) throw new Error(`No tab target shows ${page.url()}.`);
  const before = new Set((await targets('page')).filter((target) => target.url.startsWith(popupUrl)).map((target) => target.targetId));
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  let popup: TargetInfo | undefined;
  for (const deadline = Date.now() + WAIT_MS; !popup && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    popup = (await targets('page')).find((target) => target.url.startsWith(popupUrl) && !before.has(target.targetId));
  }
  if (!popup) throw new Error('Pressing the toolbar icon opened no popup.');
  return attach(cdp, popup.targetId);
}

/** A session with the popup through the browser's session (Target.sendMessageToTarget: Playwright has no child sessions). */
async function attach(cdp: CDPSession, targetId: string): Promise<ToolbarPopup> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const waiting = new Map<number, (reply: { result?: { result: { value: unknown }; exceptionDetails?: { text: string } }; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply as never);
  });
  let nextId = 1;
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<Parameters<NonNullable<ReturnType<typeof waiting.get>>>[0]>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }) });
    const answer = await reply;
    if (answer.error) throw new Error(`In the popup: ${answer.error.message}`);
    if (answer.result?.exceptionDetails) throw new Error(`In the popup: ${answer.result.exceptionDetails.text}`);
    return answer.result?.result.value as T;
  };
  const waitFor = async <T>(expression: string, what: string): Promise<T> => {
    for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const value = await evaluate<T>(expression);
      if (value) return value;
    }
    throw new Error(`The popup never showed ${what}; it shows: ${await evaluate<string>('document.body.innerText')}`);
  };
  return { evaluate, waitFor };
}

export type ToolbarBrowser = Awaited<ReturnType<typeof launchWithToolbar>>;
export type { BrowserContext };
