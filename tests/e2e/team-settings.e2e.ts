import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSidecar, makeUserDataDir, openSidebar, openTab, removeUserDataDir, sendRaw, sidebar, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  userDataDir = await makeUserDataDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

describe('the team playbook on the options page', () => {
  test('refuses weights that do not add up to 100, and a lower S threshold re-scores the saved leads', async () => {
    browser = await launchSidecar(userDataDir, server.port);

    // A saved lead with the facts of an A lead (60 points with the defaults).
    const page = await openTab(browser, 'http://www.fincar.com.au/');
    await openSidebar(browser, page);
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });

    const options = await browser.openExtensionPage('options.html');
    const found = (await sendRaw(options, { type: 'lead.forUrl', data: { url: 'http://www.fincar.com.au/' } })) as { data: { lead: { id: string } } };
    const id = found.data.lead.id;
    const edits = { employees: 5000, budget: { min: 300_000, max: 600_000, currency: 'CNY' } };
    expect(await sendRaw(options, { type: 'lead.update', data: { id, edits } })).toMatchObject({ ok: true, data: { lead: { tier: 'A' } } });

    const playbook = options.getByTestId('team-playbook');
    await playbook.locator('[name="weights.scale"]').fill('50');
    await playbook.getByRole('button', { name: 'Save team playbook' }).click();
    await expect.poll(() => playbook.getByRole('alert').textContent(), { timeout: WAIT_MS }).toMatch(/add up to 100[\s\S]*weights/);

    await playbook.locator('[name="weights.scale"]').fill('30');
    await playbook.locator('[name="thresholds.S"]').fill('60');
    await playbook.locator('[name="thresholds.A"]').fill('40');
    await playbook.locator('[name="thresholds.B"]').fill('20');
    await playbook.getByRole('button', { name: 'Save team playbook' }).click();
    await playbook.getByTestId('rescore-status').getByText('Every lead re-scored (1); 1 changed tier.').waitFor({ timeout: WAIT_MS });

    const after = (await sendRaw(options, { type: 'lead.forUrl', data: { url: 'http://www.fincar.com.au/' } })) as { data: { lead: { tier: string } } };
    expect(after.data.lead.tier).toBe('S');

    // The settings are kept: a reload shows them, and the pipeline forecast counts the lead.
    await options.reload();
    await expect.poll(() => options.locator('[name="thresholds.S"]').inputValue(), { timeout: WAIT_MS }).toBe('60');
    const forecast = options.getByTestId('pipeline-forecast');
    await expect.poll(() => forecast.getByRole('row').count(), { timeout: WAIT_MS }).toBe(2); // header + "Not contacted"
    expect(await forecast.getByRole('row').nth(1).textContent()).toMatch(/^Not contacted1600,000 CNY/);
    expect(await forecast.getByTestId('forecast-total').textContent()).toMatch(/^Weighted: [\d,]+ CNY$/);
  });
});
