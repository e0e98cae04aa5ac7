import { PULLED_ONE_BY_ONE, rescorePulledLeads } from '@/lib/background/rescore-pulled';
import { makeCapture } from '../../helpers/make-capture';
import { makeActivity } from '../score/records';
import { playbookBackground } from './harness';

type Saved = { lead: { id: string; tier: string } };

describe('after a sync pull', () => {
  it("a teammate's follow-up that says the decision is this month moves the lead's tier here", async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    // Scale and budget: 60 points, tier A.
    const updated = await bg.send<Saved>('lead.update', { id: lead.id, edits: { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' } } });
    expect(updated.lead.tier).toBe('A');
    // What a pull writes: the teammate's activity, stored without the tracker (as the sync store does).
    const stored = (await bg.leads.get(lead.id))!;
    await bg.db.activities.add(makeActivity(stored, '2026-11-23T01:00:00.000Z', 'They want to sign this month, ASAP'));
    const rescoreAll = vi.fn(async () => {});
    expect(await rescorePulledLeads(bg.tracker, rescoreAll)).toBe(1);
    expect((await bg.leads.get(lead.id))!.tier).toBe('S');
    expect(rescoreAll).not.toHaveBeenCalled();
    // Nothing is left marked: the next pull starts clean.
    expect(await rescorePulledLeads(bg.tracker, rescoreAll)).toBe(0);
  });

  it('a large pull (a first sync) re-scores every lead in one pass instead of one by one', async () => {
    const bg = playbookBackground();
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    const stored = (await bg.leads.get(lead.id))!;
    await bg.db.staleFacts.add({ at: '7fffffff-ffff-7fff-bfff-ffffffffffff', leadIds: Array.from({ length: PULLED_ONE_BY_ONE + 1 }, (_, i) => (i === 0 ? stored.id : `01a20000-0000-7000-8000-${String(i).padStart(12, '0')}`)) });
    const rescoreAll = vi.fn(async () => {});
    await rescorePulledLeads(bg.tracker, rescoreAll);
    expect(rescoreAll).toHaveBeenCalledTimes(1);
  });
});
