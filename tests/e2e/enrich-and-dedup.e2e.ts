import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSidecar, makeUserDataDir, openSidebar, openTab, removeUserDataDir, sidebar, sidebarField, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { ARTIFACTS_DIR } from './support/paths';

/** A Chinese company's contact page: structured data, a named contact with a mobile, switchboard, address, registration. */
const CHINESE_CONTACT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>联系我们 - 华瑞电子</title>
<meta name="description" content="深圳市华瑞电子科技有限公司专业从事集成电路与传感器的研发与生产。">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"华瑞电子","legalName":"深圳市华瑞电子科技有限公司"}</script>
</head><body><h1>联系我们</h1>
<p>联系人：张经理 电话：13800138000</p><p>总机：0755-88886666</p><p>地址：广东省深圳市南山区科技园</p>
<p>成立于2003年，员工200余人</p><p>统一社会信用代码：91440300MA5DC0LX3P</p>
<footer>© 2026 深圳市华瑞电子科技有限公司</footer></body></html>`;

/** The same company's export site under another domain, without the credit code: a likely duplicate by name. */
const EXPORT_SITE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huarui Electronics - Sensors and ICs</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"华瑞电子科技","email":"export@huarui-sensors.com"}</script>
</head><body><h1>Huarui Electronics</h1><p>Sensors and integrated circuits from Shenzhen.</p></body></html>`;

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  server.add('http://www.huarui.cn/contact', CHINESE_CONTACT_PAGE);
  server.add('http://www.huarui-sensors.com/', EXPORT_SITE);
  userDataDir = await makeUserDataDir();
  browser = await launchSidecar(userDataDir, server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

describe('enrichment, masked contacts and duplicates in the sidebar', () => {
  test("shows the company's industry, region, size and people with masked numbers, and offers a duplicate for merging", async () => {
    const page = await openTab(browser!, 'http://www.huarui.cn/contact');
    await openSidebar(browser!, page);
    const panel = sidebar(page);
    expect(await sidebarField(page, 'industry').inputValue()).toBe('electronics');
    expect(await sidebarField(page, 'region').inputValue()).toBe('广东 深圳');
    expect(await sidebarField(page, 'sizeBand').inputValue()).toBe('medium');
    expect(await sidebarField(page, 'creditCode').inputValue()).toBe('91440300MA5DC0LX3P');
    const people = panel.getByTestId('contacts');
    expect(await people.innerText()).toContain('138****8000');
    expect(await panel.innerText()).not.toContain('13800138000');
    // The mobile is the contact's own; the switchboard printed beside it stays whole.
    expect((await sidebarField(page, 'phones').inputValue()).split('\n').sort()).toEqual(['+86 755 8888 6666', '138****8000']);
    // Eight of ten key fields from one page: the needs and budget come from talking to the customer.
    expect(await panel.getByTestId('completeness').getAttribute('data-level')).toBe('mostly_complete');
    expect(await panel.getByTestId('completeness').innerText()).toContain('Missing: needs, budget');
    expect(await panel.getByTestId('screening').innerText()).toContain('200 employees');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    const status = panel.getByTestId('save-status');
    await status.getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });
    const code = (await status.textContent())!.replace('Saved as ', '');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sidebar-enriched.png') });

    // The export site under another domain: offered as the same company, and saved into it on the rep's word.
    const exportSite = await openTab(browser!, 'http://www.huarui-sensors.com/');
    await openSidebar(browser!, exportSite);
    const other = sidebar(exportSite);
    expect(await other.getByTestId('lead-status').textContent()).toContain('New lead');
    const offer = other.getByTestId('duplicates');
    expect(await offer.innerText()).toContain(code);
    await offer.getByRole('button', { name: `Same company? Save into ${code}` }).click();
    await other.getByTestId('save-status').getByText(`Saved as ${code}`).waitFor({ timeout: WAIT_MS });
    await other.getByText(`Already in your pipeline: ${code}`).waitFor({ timeout: WAIT_MS });
    expect(await other.getByTestId('duplicates').count()).toBe(0);
  });

  test('shows the masking setting and its effect in the options page', async () => {
    const options = await browser!.openExtensionPage('options.html');
    const mask = options.locator('[name="maskContactPhones"]');
    expect(await mask.isChecked()).toBe(true);
    expect(await options.getByTestId('mask-example').innerText()).toContain('010-****5678');
    await mask.uncheck();
    expect(await options.getByTestId('mask-example').innerText()).toContain('010-12345678');
  });
});
