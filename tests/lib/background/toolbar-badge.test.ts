import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installToolbarBadge } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

async function setUp({ badgeOn, granted }: { badgeOn: boolean; granted: boolean }) {
  let permission = granted;
  const listeners: Array<() => void> = [];
  const permissionEvent = { addListener: (fn: () => void) => listeners.push(fn) };
  // The fake browser has no permissions API: this one grants `tabs` when the test says so.
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => permission), onAdded: permissionEvent, onRemoved: permissionEvent });
  let settings: Settings = { ...DEFAULT_SETTINGS, toolbarBadge: badgeOn };
  const leads = new LeadStore(new SidecarDatabase(`toolbar-badge-${++counter}`));
  const badge = installToolbarBadge(leads, { settings: async () => settings, now: () => new Date('2026-11-23T10:00:00Z') });
  return {
    leads,
    badge,
    setBadgeOn: (on: boolean) => (settings = { ...settings, toolbarBadge: on }),
    grant: () => (permission = true),
    revoke: () => {
      permission = false;
      listeners.forEach((fn) => fn());
    },
  };
}

const badgeText = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('the toolbar badge as the rep browses', () => {
  it('shows the tier of the site in the tab the rep switches to, subdomains included', async () => {
    const { leads } = await setUp({ badgeOn: true, granted: true });
    const lead = await leads.saveClip(makeCapture(), {}, null);
    await leads.update(lead.id, { tier: 'S' });
    const tab = await fakeBrowser.tabs.create({ url: 'https://shop.acme-robotics.com/cart', active: true });
    await flush();
    expect(await badgeText(tab.id!)).toBe('S');
    const other = await fakeBrowser.tabs.create({ url: 'https://unknown-company.example.org/', active: true });
    await flush();
    expect(await badgeText(other.id!)).toBe('');
  });

  it('shows the new tier after the lead changes', async () => {
    const { leads, badge } = await setUp({ badgeOn: true, granted: true });
    const lead = await leads.saveClip(makeCapture(), {}, null);
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.acme-robotics.com/', active: true });
    await flush();
    await leads.update(lead.id, { tier: 'A', nextFollowUpAt: '2026-11-22T10:00:00Z' });
    await badge.refresh();
    expect(await badgeText(tab.id!)).toBe('A!');
  });

  it('stays plain until the rep opts in, and is cleared when the permission is taken back', async () => {
    const { leads, badge, setBadgeOn, grant, revoke } = await setUp({ badgeOn: false, granted: false });
    const lead = await leads.saveClip(makeCapture(), {}, null);
    await leads.update(lead.id, { tier: 'B' });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.acme-robotics.com/', active: true });
    await flush();
    expect(await badgeText(tab.id!)).toBe('');

    setBadgeOn(true);
    await badge.refresh();
    expect(await badgeText(tab.id!)).toBe(''); // turned on, but the browser has not granted `tabs`

    grant();
    await badge.refresh();
    expect(await badgeText(tab.id!)).toBe('B');

    revoke();
    await flush();
    expect(await badgeText(tab.id!)).toBe('');
  });
});
