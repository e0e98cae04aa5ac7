import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSidecar, makeUserDataDir, openSidebar, openTab, removeUserDataDir, sendRaw, sidebar, tabIdOf, WAIT_MS, type SidecarBrowser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';
import { ARTIFACTS_DIR } from './support/paths';

/** Facts that earn S with the playbook's defaults: 1000+ staff (30), a budget covering a deal (30), deciding this month (20). */
const S_FACTS = { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' }, decisionTimeline: '本月' };

let server: PageServer;
let userDataDir: string;
let browser: SidecarBrowser | undefined;

beforeAll(async () => {
  server = await startPageServer();
  // A page on a subdomain of the company: the popup knows the lead there too.
  server.add('http://shop.fincar.com.au/finance', '<!doctype html><html><head><title>FinCar finance</title></head><body><h1>Car finance</h1></body></html>');
  userDataDir = await makeUserDataDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await removeUserDataDir(userDataDir);
});

describe('the toolbar popup', () => {
  test('a saved lead that scores S shows S, its dimensions with evidence and its next follow-up; tasks arm a reminder', async () => {
    browser = await launchSidecar(userDataDir, server.port);
    const page = await openTab(browser, 'http://www.fincar.com.au/');
    await openSidebar(browser, page);
    await sidebar(page).getByRole('button', { name: 'Save lead' }).click();
    await sidebar(page).getByTestId('save-status').getByText(/^Saved as LX\d+$/).waitFor({ timeout: WAIT_MS });

    // The rep learns the facts that make it S; the popup page sends them as the sidebar would.
    const shop = await openTab(browser, 'http://shop.fincar.com.au/finance');
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, shop)}`);
    await popup.setViewportSize({ width: 380, height: 900 });
    const found = (await sendRaw(popup, { type: 'lead.forUrl', data: { url: 'http://www.fincar.com.au/' } })) as { ok: boolean; data: { lead: { id: string; tier: string } } };
    expect(found.data.lead.tier).toBe('C');
    const updated = (await sendRaw(popup, { type: 'lead.update', data: { id: found.data.lead.id, edits: S_FACTS } })) as { ok: boolean; data: { lead: { tier: string } } };
    expect(updated).toMatchObject({ ok: true, data: { lead: { tier: 'S' } } });

    await popup.reload();
    const site = popup.getByTestId('site-lead');
    await site.getByTestId('score').waitFor({ timeout: WAIT_MS });
    expect(await site.getByTestId('tier-badge').first().innerText()).toBe('S');
    expect(await site.getByTestId('score-total').innerText()).toBe('Score 80/100');
    const points = async (key: string) => site.getByTestId(`dimension-${key}`).getAttribute('data-points');
    expect([await points('scale'), await points('budget'), await points('urgency'), await points('decisionChain')]).toEqual(['30', '30', '20', '0']);
    expect(await site.getByTestId('dimension-scale').innerText()).toContain('5,000 employees (typed)');
    expect(await site.getByTestId('dimension-urgency').innerText()).toContain('Decision “本月”');
    expect(await site.getByTestId('ask-next').innerText()).toContain('Who decides?');
    // S: first contact within 2 hours of the lead's creation, counting down.
    expect(await site.getByTestId('next-follow-up').innerText()).toContain('first contact');
    expect(await site.getByTestId('response-deadline').innerText()).toMatch(/First contact due in 1 h \d+ min/);

    // The playbook proposes the first contact; the rep adds it, and the reminder alarm is armed for it.
    const proposal = site.getByTestId('proposal').first();
    expect(await proposal.getAttribute('data-kind')).toBe('first_response');
    await proposal.getByRole('button', { name: 'Add task' }).click();
    await site.getByTestId('task').first().waitFor({ timeout: WAIT_MS });
    expect(await site.getByTestId('task').first().innerText()).toContain('First contact with FinCar');
    const sw = await browser.serviceWorker();
    const alarm = await sw.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('sidecar-next-reminder'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());

    // Logging a touch moves the lead to initial contact and completes the first-contact task.
    await site.getByRole('button', { name: 'Log a touch' }).click();
    await site.locator('[name="summary"]').fill('Called the finance manager');
    await site.getByRole('button', { name: 'Log it' }).click();
    await site.getByText('✓ First contact made').waitFor({ timeout: WAIT_MS });
    expect(await site.locator('[name="stage"]').inputValue()).toBe('initial_contact');
    expect(await site.getByTestId('task').count()).toBe(0);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-score.png'), fullPage: true });

    // A reminder's click opens the popup page on the lead itself, away from its site.
    const reminded = await browser.openExtensionPage(`popup.html?lead=${found.data.lead.id}`);
    const card = reminded.getByTestId('site-lead');
    await card.getByTestId('score').waitFor({ timeout: WAIT_MS });
    expect(await card.getByTestId('tier-badge').first().innerText()).toBe('S');
    expect(await card.innerText()).toContain('FinCar');
  });
});
