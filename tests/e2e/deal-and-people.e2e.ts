import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSidecar, makeUserDataDir, openSidebar, openTab, removeUserDataDir, sidebar, sidebarField, tabIdOf, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { ARTIFACTS_DIR } from './support/paths';

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  server.add(
    'http://www.huaxin-robotics.cn/',
    '<!doctype html><html lang="zh-CN"><head><title>华信机器人</title></head><body><h1>华信机器人有限公司</h1><p>工业机器人与自动化产线。</p><footer>电话：021-62345678</footer></body></html>',
  );
  userDataDir = await makeUserDataDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

describe('the sidebar takes what the rep learns', () => {
  test('headcount, budget and timeline typed in the sidebar, then the decision maker named: the lead scores S with all four dimensions', async () => {
    browser = await launchSidecar(userDataDir, server.port);
    const page = await openTab(browser, 'http://www.huaxin-robotics.cn/');
    await openSidebar(browser, page);
    const side = sidebar(page);
    // A new lead: people can be added once it is saved.
    await side.getByText('Save the lead to add people and set their roles.').waitFor({ timeout: WAIT_MS });
    await sidebarField(page, 'employees').fill('1200');
    await sidebarField(page, 'budgetMin').fill('30万');
    await sidebarField(page, 'budgetMax').fill('50万');
    await sidebarField(page, 'decisionTimeline').fill('本月');
    await sidebarField(page, 'painPoints').fill('产线停机每月5次');
    await side.getByRole('button', { name: 'Save lead' }).click();
    await side.getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
    // Saved: 30 + 30 + 20 = 80, S before anyone is known (the sidebar shows the stored lead once it reloaded it).
    await side.getByTestId('tier-badge').first().waitFor({ timeout: WAIT_MS });
    expect(await side.getByTestId('tier-badge').first().innerText()).toBe('S');

    await side.getByRole('button', { name: '+ Add a person' }).click();
    await sidebarField(page, 'contactName').fill('王总');
    await sidebarField(page, 'contactTitle').fill('总经理');
    await sidebarField(page, 'contactRole').selectOption('decision_maker');
    await side.getByRole('button', { name: 'Add', exact: true }).click();
    const wang = side.getByTestId('contact').filter({ hasText: '王总' });
    await wang.waitFor({ timeout: WAIT_MS });
    expect(await wang.locator('[name="decisionRole"]').inputValue()).toBe('decision_maker');
    // What the rep typed in the deal fields is still there (the people edit did not reset the form).
    expect(await sidebarField(page, 'painPoints').inputValue()).toBe('产线停机每月5次');

    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    await popup.setViewportSize({ width: 380, height: 900 });
    const site = popup.getByTestId('site-lead');
    await site.getByTestId('score').waitFor({ timeout: WAIT_MS });
    expect(await site.getByTestId('tier-badge').first().innerText()).toBe('S');
    expect(await site.getByTestId('score-total').innerText()).toBe('Score 90/100');
    expect(await site.getByTestId('dimension-budget').innerText()).toContain('Budget 300,000–500,000 CNY (typed)');
    expect(await site.getByTestId('dimension-decisionChain').innerText()).toContain('王总: decision maker');
    // Every dimension is known: nothing is left to ask.
    expect(await site.getByTestId('ask-next').count()).toBe(0);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'deal-and-people-popup.png'), fullPage: true });

    // The decision maker was wrongly read: removing them takes their points away again.
    await page.bringToFront();
    await wang.getByRole('button', { name: 'Remove' }).click();
    await wang.waitFor({ state: 'detached', timeout: WAIT_MS });
    await popup.reload();
    await site.getByTestId('score').waitFor({ timeout: WAIT_MS });
    expect(await site.getByTestId('score-total').innerText()).toBe('Score 80/100');
  });
});
