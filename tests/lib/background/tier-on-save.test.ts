import { messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { handleMessage } from '@/lib/messaging';
import { makeCapture } from '../../helpers/make-capture';

const fromPopup = { fromExtensionPage: true };

describe('every saved lead carries the tier its facts earn', () => {
  it('a clipped company with no facts is tier C, and facts the rep adds raise it', async () => {
    const store = new LeadStore(new SidecarDatabase('tier-on-save'));
    const handlers = messageHandlers(store, async () => null);
    const saved = await handleMessage({ type: 'clip.save', data: { capture: makeCapture(), edits: {} } }, fromPopup, handlers);
    expect(saved).toMatchObject({ ok: true, data: { lead: { tier: 'C' } } });
    const id = (saved as { data: { lead: { id: string } } }).data.lead.id;

    const edits = { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' }, decisionTimeline: '本月' };
    const updated = await handleMessage({ type: 'lead.update', data: { id, edits } }, fromPopup, handlers);
    expect(updated).toMatchObject({ ok: true, data: { lead: { tier: expect.stringMatching(/^[SA]$/) } } });
    expect((await store.get(id))?.tier).toBe((updated as { data: { lead: { tier: string } } }).data.lead.tier);
  });
});
