import { parseHTML } from 'linkedom';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';
import { makeCapture } from '../helpers/make-capture';
import { S_FACTS, playbookBackground } from '../lib/background/harness';

type Background = ReturnType<typeof playbookBackground>;
let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/**
 * The real popup rendered into a linkedom document, talking to a background in this process (fake IndexedDB) the
 * way it talks to the service worker: every message goes through handleMessage and its validation.
 */
async function openPopup(bg: Background, options: { tabUrl?: string; search?: string; backgroundDown?: boolean } = {}) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('location', new URL(`chrome-extension://sidecar/popup.html${options.search ?? ''}`));
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }) => {
    sent.push(message.type);
    if (options.backgroundDown) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    return bg.raw(message.type, message.data);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: options.tabUrl ?? 'https://shop.acme-robotics.com/cart' }] as never);
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<Popup />));
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  await settle();
  const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const click = async (element: Element | null | undefined) => {
    if (!element) throw new Error('nothing to click');
    await act(async () => void element.dispatchEvent(new window.Event('click', { bubbles: true })));
    await settle();
  };
  const button = (label: string, within: ParentNode = document) => [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  const choose = async (select: Element | null, value: string) => {
    // React's onChange is not reached by a dispatched change event in linkedom: call the handler React attached.
    const props = Object.entries(select ?? {}).find(([key]) => key.startsWith('__reactProps'))?.[1] as { onChange: (event: unknown) => unknown } | undefined;
    if (!props) throw new Error('nothing to choose from');
    await act(async () => void (await props.onChange({ target: { value } })));
    await settle();
  };
  return { document, window, sent, byTestId, text, click, button, choose, settle };
}

async function saveAcme(bg: Background, edits: Record<string, unknown> = {}) {
  const { lead } = await bg.send<{ lead: { id: string } }>('clip.save', { capture: makeCapture(), edits: {} });
  if (Object.keys(edits).length > 0) await bg.send('lead.update', { id: lead.id, edits });
  return lead;
}

describe('the popup, wired to the background', () => {
  it('shows the lead of a subdomain page with its tier, and adds the proposed task when the rep asks', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    await saveAcme(bg, S_FACTS);
    const popup = await openPopup(bg);
    expect(popup.text('tier-badge')).toBe('S');
    expect(popup.text('tasks')).toContain('No open tasks.');

    await popup.click(popup.button('Add task', popup.byTestId('tasks')!));
    expect(popup.sent).toContain('task.accept');
    expect(popup.document.querySelectorAll('[data-testid="task"]')).toHaveLength(1);
    expect(popup.text('task')).toContain('First contact with Acme Robotics');
    expect(popup.document.querySelector('[data-testid="proposal"]')).toBeNull();

    await popup.click(popup.button('Done', popup.byTestId('task')!));
    expect(popup.document.querySelectorAll('[data-testid="task"]')).toHaveLength(0);
  });

  it('changes the stage from the quick actions: the lead is stored in the new stage and the change is recorded with its time', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await saveAcme(bg);
    bg.advance(90 * 60_000);
    const popup = await openPopup(bg);
    expect(popup.text('follow-up')).toContain('Not contacted');
    const stageSelect = popup.byTestId('quick-actions')!.querySelector('select[name="stage"]');

    await popup.choose(stageSelect, 'initial_contact');

    expect(popup.sent).toContain('lead.update');
    expect((await bg.leads.get(lead.id))?.stage).toBe('initial_contact');
    expect(await bg.tracker.history.stageHistory(lead.id)).toEqual([
      { from: null, to: 'not_contacted', at: '2026-11-23T02:00:00.000Z', by: null },
      { from: 'not_contacted', to: 'initial_contact', at: '2026-11-23T03:30:00.000Z', by: null },
    ]);
    // The popup reloads the card: the new stage is shown, and the stage history lists the change.
    expect(popup.text('follow-up')).toContain('Initial contact');
    const history = [...popup.byTestId('stage-history')!.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(history).toHaveLength(2);
    expect(history[1]).toContain('Initial contact');
    expect(popup.byTestId('quick-actions')!.querySelector('select[name="stage"]')).toHaveProperty('value', 'initial_contact');
  });

  it('lists what is overdue across leads, and opens a lead from there', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    await saveAcme(bg, S_FACTS);
    bg.setNow('2026-11-23T06:00:00.000Z');
    // Only Date is faked (IndexedDB's timers keep running): the popup's countdowns read the same clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T06:00:00.000Z'));
    const popup = await openPopup(bg, { tabUrl: 'https://example.org/' });
    expect(popup.text('site-lead')).toContain('No lead for example.org yet.');
    expect(popup.text('overdue-item')).toBe('SAcme Robotics · Follow-up due−2 h 0 min');

    await popup.click(popup.byTestId('overdue-item')?.querySelector('button'));
    expect(popup.text('site-lead')).toContain('Acme Robotics');
    expect(popup.text('response-deadline')).toBe('⚠ First contact overdue by 2 h 0 min');
  });

  it('a lead named in the address that no longer exists, or a background that fails, is said plainly', async () => {
    const bg = playbookBackground();
    const gone = await openPopup(bg, { search: '?lead=019a0f3e-5c00-7a00-8000-00000000dead' });
    expect(gone.text('site-lead')).toContain('That lead no longer exists.');
    act(() => root?.unmount());

    const broken = await openPopup(bg, { backgroundDown: true });
    expect(broken.document.querySelector('[role="alert"]')?.textContent).toContain('The Sidecar background is unreachable');
    expect(broken.text('site-lead')).toBe('This site');
  });
});
