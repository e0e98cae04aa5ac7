import type { Page } from 'playwright-core';
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

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser;
let page: Page;

beforeAll(async () => {
  server = await startPageServer();
  userDataDir = await makeUserDataDir();
  browser = await launchSidecar(userDataDir, server.port);
  page = await openTab(browser, 'http://www.fincar.com.au/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

/** The page's own layout, measured at the top of the page. */
function layout(target: Page) {
  return target.evaluate(() => {
    window.scrollTo(0, 0);
    const heading = [...document.querySelectorAll('h1, h2')].find((el) => el.textContent?.trim() === 'Car Loans Australia');
    if (!heading) throw new Error('The fincar.com.au home page no longer has its "Car Loans Australia" heading.');
    const box = heading.getBoundingClientRect();
    return {
      bodyWidth: document.body.getBoundingClientRect().width,
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      heading: { x: box.x, y: box.y, width: box.width, height: box.height },
    };
  });
}

describe('the sidebar on a real company page', () => {
  test('leaves the page layout alone, and the page still scrolls', async () => {
    const before = await layout(page);
    await openSidebar(browser, page);
    expect(await layout(page)).toEqual(before);

    // The sidebar floats over the right edge of the viewport rather than joining the page.
    const box = await sidebar(page).boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).toEqual({ x: viewport.width - 380, y: 0, width: 380, height: viewport.height });

    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, 0);
      window.scrollBy(0, 300);
      return window.scrollY;
    });
    expect(scrolled).toBe(300);
    // ...and the sidebar stays put while the page scrolls under it.
    expect(await sidebar(page).boundingBox()).toEqual(box);
  });

  test('keeps typing in the sidebar away from the page keyboard shortcuts', async () => {
    await openSidebar(browser, page);
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seenByPage: seen });
      for (const type of ['keydown', 'keyup', 'keypress'] as const) {
        document.addEventListener(type, (event) => seen.push(`document:${type}:${event.key}`));
        window.addEventListener(type, (event) => seen.push(`window:${type}:${event.key}`));
      }
    });
    const seenByPage = () => page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage.splice(0));

    // Control: the page's listeners do hear keys typed on the page itself.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    expect(await seenByPage()).toContain('document:keydown:j');

    const name = sidebarField(page, 'name');
    await name.fill('');
    await name.pressSequentially('Fin Car Co');
    await sidebarField(page, 'description').pressSequentially('x?/');
    expect(await name.inputValue()).toBe('Fin Car Co');
    expect(await seenByPage()).toEqual([]);
  });

  test('closes with its close button and opens again', async () => {
    await openSidebar(browser, page);
    await sidebar(page).getByRole('button', { name: 'Close' }).click();
    await sidebar(page).waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await page.locator('sidecar-sidebar').count()).toBe(0);

    await openSidebar(browser, page);
    // A fresh reading of the page: the edits of the closed sidebar are gone.
    expect(await sidebarField(page, 'name').inputValue()).toBe('FinCar');
    // Opening an open sidebar again shows it once, not twice.
    await openSidebar(browser, page);
    expect(await page.locator('sidecar-sidebar').count()).toBe(1);
    expect(await sidebarField(page, 'name').inputValue()).toBe('FinCar');
  });
});
