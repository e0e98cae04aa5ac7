import { closePopup, openPopup } from './popup-driver';
import { LeadTracker, messageHandlers } from '@/lib/background';
import { SyncScheduler } from '@/lib/background/sync-scheduler';
import { handleMessage, type Handlers } from '@/lib/messaging';
import { DEFAULT_SETTINGS } from '@/lib/schema';
import { describeEachBackend, useMigratedDatabase } from '../server/backends';
import type { TestUser } from '../server/harness';
import { makeLead, stamper } from '../server/records';
import { newClientId, push, put } from '../server/sync-calls';
import { DexieDevice } from '../lib/db/dexie-sync-store-device';
import { signedInTeam } from '../lib/background/signed-in-team';
import { playbookBackground } from '../lib/background/harness';


afterEach(() => {
  closePopup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The popup on a site with no lead, and its team pool's rows. */
async function poolPopup(raw: (type: string, data: unknown) => Promise<unknown>) {
  const popup = await openPopup(raw, { tabUrl: 'https://example.org/', settleMs: 80 });
  const poolRows = () => [...popup.document.querySelectorAll('[data-testid="pool-lead"]')];
  const poolNames = () => poolRows().map((row) => row.querySelector('.font-medium')?.textContent);
  return { ...popup, poolRows, poolNames };
}

describeEachBackend('the team pool in the popup', (backend) => {
  const database = useMigratedDatabase(backend);

  /** A rep's browser signed in to a team whose other rep shared leads: three in the pool, one their own. */
  async function teamBrowser() {
    const { h, users, fetchApp } = await signedInTeam(database(), ['rep', 'rep']);
    const [me, mate] = users as [TestUser, TestUser];
    vi.stubGlobal('fetch', fetchApp);
    const stamp = stamper('mate', Date.parse('2026-11-01T08:00:00.000Z'));
    const leads = {
      unscored: makeLead(stamp(), { name: 'Unscored Ltd', domain: 'unscored.example', updatedAt: '2026-11-01T08:30:00.000Z' }),
      a: makeLead(stamp(), { name: 'A Systems', domain: 'a-systems.example', tier: 'A', updatedAt: '2026-11-01T08:20:00.000Z' }),
      s: makeLead(stamp(), { name: 'S Industries', domain: 's-industries.example', tier: 'S', updatedAt: '2026-11-01T08:10:00.000Z' }),
      theirs: makeLead(stamp(), { name: 'Their S Corp', domain: 'theirs.example', tier: 'S', ownerId: mate.id }),
    };
    expect((await push(h, mate, newClientId(), Object.values(leads).map((lead) => put('leads', lead)))).status).toBe(200);
    const browser = new DexieDevice(h, me, 'popup-pool');
    const tracker = new LeadTracker(browser.db, browser.leads);
    // The background's scheduler, reduced to what the claim needs: a pull right after it (the sync line is not tested here).
    const scheduler = new SyncScheduler({ db: browser.db, fetch: fetchApp });
    const sync = { run: async () => void (await browser.engine.sync()), status: () => scheduler.status() } as unknown as SyncScheduler;
    const handlers: Handlers = messageHandlers(browser.leads, async () => me.id, { settings: async () => DEFAULT_SETTINGS, tracker, sync });
    await browser.engine.sync();
    const raw = (type: string, data: unknown) => handleMessage({ type, data }, { fromExtensionPage: true }, handlers);
    return { h, me, mate, leads, browser, raw };
  }

  it('lists the pool best first with how long each lead has waited; a row opens its card; a claim takes it out and makes the rep the owner', async () => {
    const { leads, browser, raw } = await teamBrowser();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T10:30:00.000Z'));
    const popup = await poolPopup(raw);
    expect(popup.text('pool-tab')).toBe('Team pool (3)');
    expect(popup.byTestId('recent-leads')).not.toBeNull();

    await popup.click(popup.byTestId('pool-tab'));
    expect(popup.poolNames()).toEqual(['S Industries', 'A Systems', 'Unscored Ltd']);
    expect(popup.poolRows()[0]!.querySelector('[data-testid="tier-badge"]')?.textContent).toBe('S');
    expect(popup.poolRows()[0]!.textContent).toContain('s-industries.example');
    // Shared by the teammate at 08:00 yesterday, never owned since.
    expect(popup.poolRows()[0]!.querySelector('[data-testid="pool-since"]')?.textContent).toContain('in the pool 1 d 2 h');

    await popup.click(popup.poolRows()[1]!.querySelector('button'));
    expect(popup.text('site-lead')).toContain('A Systems');
    expect(await popup.eventually('owner', 'Nobody: in the team pool')).toBe('Nobody: in the team pool');

    await popup.click(popup.button('Claim', popup.poolRows()[0]!));
    expect(popup.sent).toContain('lead.claim');
    expect(popup.poolNames()).toEqual(['A Systems', 'Unscored Ltd']);
    expect(popup.text('pool-tab')).toBe('Team pool (2)');
    expect(popup.text('site-lead')).toContain('S Industries');
    expect(await popup.eventually('owner', 'You')).toBe('You');
    expect((await browser.db.leads.get(leads.s.id))?.poolRank).toBeUndefined();

    await popup.choose(popup.document.querySelector('input[name="poolSearch"]'), 'unsc');
    expect(popup.poolNames()).toEqual(['Unscored Ltd']);
    await popup.choose(popup.document.querySelector('input[name="poolSearch"]'), 'their');
    expect(popup.text('pool-empty')).toBe('No lead in the team pool matches.');
  });

  it('a lead a teammate claimed meanwhile is refused with the server’s reason, and stays unclaimed here', async () => {
    const { h, mate, leads, browser, raw } = await teamBrowser();
    const popup = await poolPopup(raw);
    await popup.click(popup.byTestId('pool-tab'));
    expect((await h.call('POST', `/v1/leads/${leads.a.id}/claim`, undefined, mate.token)).status).toBe(200);

    await popup.click(popup.button('Claim', popup.poolRows()[1]!));
    expect(popup.document.querySelector('[role="alert"]')?.textContent).toContain('another rep owns this lead');
    expect((await browser.db.leads.get(leads.a.id))?.ownerId).toBeNull();
  });
});

describe('the popup signed in to no team', () => {
  it('has no pool tab, only the recent leads', async () => {
    const bg = playbookBackground();
    expect(await bg.send('lead.pool', { limit: 5 })).toEqual({ signedIn: false, leads: [], total: 0, next: null });
    const popup = await poolPopup(bg.raw);
    expect(popup.byTestId('lead-tabs')).toBeNull();
    expect(popup.byTestId('pool')).toBeNull();
    expect(popup.document.querySelector('section[aria-label="Recent leads"]')?.textContent).toContain('No leads yet');
  });
});
