import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchSidecar,
  makeUserDataDir,
  openSidebar,
  openTab,
  removeUserDataDir,
  sidebar,
  sidebarField,
  WAIT_MS,
  type SidecarBrowser,
} from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

const HOSTILE_URL = 'http://hostile.example-corp.com/';
const EMPTY_URL = 'http://blank.example.net/';

/**
 * A page that breaks the globals an extension might lean on, pollutes prototypes, tries to hide the sidebar
 * with its own CSS, and then locks itself down with a CSP that blocks every later script and style.
 * A meta CSP only governs what follows it, so the hostile script and style come first.
 */
const HOSTILE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Example Corp | Industrial Widgets</title>
<script>
  document.documentElement.setAttribute('data-hostile', 'ran');
  window.fetch = null;
  window.XMLHttpRequest = null;
  window.Promise = function () { throw new Error('no promises here'); };
  JSON.parse = () => { throw 1; };
  JSON.stringify = () => { throw 1; };
  Array.prototype.map = null;
  Array.prototype.filter = null;
  Array.prototype.forEach = null;
  Object.prototype.polluted = 'yes';
  Object.prototype.ok = false;
  Object.prototype.toJSON = function () { return 'pwned'; };
  Object.assign = () => { throw 1; };
  Object.defineProperty(Object.prototype, '__proto__', { get() { return null; }, set() {} });
  String.prototype.trim = () => 'pwned';
  document.querySelector = () => null;
  document.querySelectorAll = () => [];
  Element.prototype.attachShadow = () => { throw new Error('no shadow roots'); };
  window.addEventListener('message', (event) => event.stopImmediatePropagation(), true);
</script>
<style>
  html { font-size: 4px !important; }
  * { font-size: 3px !important; visibility: hidden !important; }
  sidecar-sidebar { display: none !important; width: 0 !important; }
</style>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; connect-src 'none'; font-src 'none'">
<meta name="description" content="Example Corp makes industrial widgets.">
<script>document.documentElement.setAttribute('data-csp-broken', 'yes');</script>
<script type="application/ld+json">{"@type": "Organization", "name": </script>
</head>
<body>
<h1>Example Corp</h1>
<p>Call us on +1 415 862 0134 or write to sales@example-corp.com.</p>
<p>© 2026 Example Corp Inc. All rights reserved.</p>
</body>
</html>`;

const EMPTY_PAGE = '<!doctype html><html><head></head><body></body></html>';

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser;

beforeAll(async () => {
  server = await startPageServer();
  server.add(HOSTILE_URL, HOSTILE_PAGE);
  server.add(EMPTY_URL, EMPTY_PAGE);
  userDataDir = await makeUserDataDir();
  browser = await launchSidecar(userDataDir, server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

describe('pages that fight back', () => {
  test('a page that breaks its globals and blocks scripts with a CSP still gets a working sidebar', async () => {
    const page = await openTab(browser, HOSTILE_URL);
    // The fixture really is hostile: its script ran, and its CSP blocks any script after it.
    expect(await page.locator('html').getAttribute('data-hostile')).toBe('ran');
    expect(await page.locator('html').getAttribute('data-csp-broken')).toBeNull();

    await openSidebar(browser, page);
    expect(await sidebarField(page, 'name').inputValue()).toMatch(/Example Corp/);
    expect(await sidebarField(page, 'domain').inputValue()).toBe('example-corp.com');
    // The page's CSS cannot hide or shrink the sidebar.
    expect(await sidebar(page).boundingBox()).toMatchObject({ width: 380, y: 0 });
    expect(await sidebarField(page, 'name').isVisible()).toBe(true);
    // Styled by its own stylesheet at its own size, whatever the page's CSP and root font size.
    expect(await sidebar(page).locator('aside').evaluate((aside) => [getComputedStyle(aside).display, getComputedStyle(aside).fontSize])).toEqual(['flex', '14px']);
    expect(await sidebarField(page, 'emails').inputValue()).toBe('sales@example-corp.com');
    expect(await sidebarField(page, 'phones').inputValue()).toContain('415 862 0134');

    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
  });

  test('a page with nothing on it opens the sidebar with a "found no company details" note', async () => {
    const page = await openTab(browser, EMPTY_URL);
    await openSidebar(browser, page);
    await sidebar(page).getByText('Sidecar found no company details on this page.').waitFor({ timeout: WAIT_MS });
    expect(await sidebarField(page, 'domain').inputValue()).toBe('example.net');
    // The rep can still type the details in.
    await sidebarField(page, 'name').fill('Example Net');
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
  });
});
