import { closePopup, openPopup, type PopupOptions } from './popup-driver';
import { makeCapture } from '../helpers/make-capture';
import { S_FACTS, playbookBackground } from '../lib/background/harness';

type Background = ReturnType<typeof playbookBackground>;

afterEach(() => {
  closePopup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The popup talking to `bg`, a background in this process (fake IndexedDB). */
const popupOf = (bg: Background, options: PopupOptions = {}) => openPopup(bg.raw, options);

async function saveAcme(bg: Background, edits: Record<string, unknown> = {}) {
  const { lead } = await bg.send<{ lead: { id: string } }>('clip.save', { capture: makeCapture(), edits: {} });
  if (Object.keys(edits).length > 0) await bg.send('lead.update', { id: lead.id, edits });
  return lead;
}

describe('the popup, wired to the background', () => {
  it('shows the lead of a subdomain page with its tier, and adds the proposed task when the rep asks', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    await saveAcme(bg, S_FACTS);
    const popup = await popupOf(bg);
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
    const popup = await popupOf(bg);
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
    const popup = await popupOf(bg, { tabUrl: 'https://example.org/' });
    expect(popup.text('site-lead')).toContain('No lead for example.org yet.');
    expect(popup.text('overdue-item')).toBe('SAcme Robotics · Follow-up due−2 h 0 min');

    await popup.click(popup.byTestId('overdue-item')?.querySelector('button'));
    expect(popup.text('site-lead')).toContain('Acme Robotics');
    expect(popup.text('response-deadline')).toBe('⚠ First contact overdue by 2 h 0 min');
  });

  it('a lead named in the address that no longer exists, or a background that fails, is said plainly', async () => {
    const bg = playbookBackground();
    const gone = await popupOf(bg, { search: '?lead=019a0f3e-5c00-7a00-8000-00000000dead' });
    expect(gone.text('site-lead')).toContain('That lead no longer exists.');
    closePopup();

    const broken = await popupOf(bg, { backgroundDown: true });
    expect(broken.document.querySelector('[role="alert"]')?.textContent).toContain('The Sidecar background is unreachable');
    expect(broken.text('site-lead')).toBe('This site');
  });
});
