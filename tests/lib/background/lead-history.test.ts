import { makeCapture } from '../../helpers/make-capture';
import { S_FACTS, playbookBackground } from './harness';

type Saved = { lead: { id: string; tier: string | null; stage: string; nextFollowUpAt: string | null; createdAt: string } };

describe('a lead keeps the history of its tier and stage', () => {
  it('records the first tier and stage on save, and every tier change with its score', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    expect(lead.tier).toBe('C');

    bg.advance(60 * 60_000);
    const updated = await bg.send<Saved>('lead.update', { id: lead.id, edits: S_FACTS });
    expect(updated.lead.tier).toBe('S');

    const state = await bg.tracker.history.tierState(lead.id);
    expect(state.history).toEqual([
      expect.objectContaining({ cause: 'score', from: null, to: 'C', total: 0, at: '2026-11-23T02:00:00.000Z' }),
      expect.objectContaining({ cause: 'score', from: 'C', to: 'S', total: 80, at: '2026-11-23T03:00:00.000Z' }),
    ]);
    expect(await bg.tracker.history.stageHistory(lead.id)).toEqual([{ from: null, to: 'not_contacted', at: '2026-11-23T02:00:00.000Z', by: null }]);
  });

  it('records each stage change with its time and who made it, and nothing when the stage stays', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z', { repName: 'Li Wei' });
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    bg.advance(2 * 3_600_000);
    await bg.send('lead.update', { id: lead.id, edits: { stage: 'initial_contact' } });
    bg.advance(24 * 3_600_000);
    await bg.send('lead.update', { id: lead.id, edits: { stage: 'initial_contact', industry: 'software' } });
    await bg.send('lead.update', { id: lead.id, edits: { stage: 'needs_confirmed' } });

    expect(await bg.tracker.history.stageHistory(lead.id)).toEqual([
      { from: null, to: 'not_contacted', at: '2026-11-23T02:00:00.000Z', by: 'Li Wei' },
      { from: 'not_contacted', to: 'initial_contact', at: '2026-11-23T04:00:00.000Z', by: 'Li Wei' },
      { from: 'initial_contact', to: 'needs_confirmed', at: '2026-11-24T04:00:00.000Z', by: 'Li Wei' },
    ]);
  });

  it('keeps a manager’s override with its reason through later saves, and the score moving underneath', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z', { repName: 'Manager Zhang' });
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    const overridden = await bg.send<Saved>('lead.overrideTier', { leadId: lead.id, tier: 'A', reason: 'Group account, strategic' });
    expect(overridden.lead.tier).toBe('A');

    // A later edit that moves the score to S does not undo the override.
    const updated = await bg.send<Saved>('lead.update', { id: lead.id, edits: S_FACTS });
    expect(updated.lead.tier).toBe('A');
    expect((await bg.leads.get(lead.id))?.tier).toBe('A');

    const cleared = await bg.send<Saved>('lead.overrideTier', { leadId: lead.id, tier: null, reason: '' });
    expect(cleared.lead.tier).toBe('S');
    const { history, override } = await bg.tracker.history.tierState(lead.id);
    expect(override).toBeNull();
    expect(history.map((e) => [e.cause, e.from, e.to, e.by, e.reason])).toEqual([
      ['score', null, 'C', null, null],
      ['override', 'C', 'A', 'Manager Zhang', 'Group account, strategic'],
      ['score', 'A', 'A', null, null],
      ['override_cleared', 'A', 'S', 'Manager Zhang', null],
    ]);
  });

  it('refuses an override without a reason or without a name, changing nothing', async () => {
    const anonymous = playbookBackground();
    const { lead } = await anonymous.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    const noName = await anonymous.raw('lead.overrideTier', { leadId: lead.id, tier: 'S', reason: 'trust me' });
    expect(noName).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE', message: expect.stringContaining('Set your name') } });

    const named = playbookBackground(undefined, { repName: 'Manager Zhang' });
    const other = await named.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    const noReason = await named.raw('lead.overrideTier', { leadId: other.lead.id, tier: 'S', reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect((await named.leads.get(other.lead.id))?.tier).toBe('C');
    expect((await named.tracker.history.tierState(other.lead.id)).history).toHaveLength(1);
  });

  it('stores the playbook’s next follow-up on the lead: the response deadline of its tier, none once won', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    // C: first contact within 24 hours.
    expect(lead.nextFollowUpAt).toBe('2026-11-24T02:00:00.000Z');
    // S: within 2 hours of creation.
    expect((await bg.send<Saved>('lead.update', { id: lead.id, edits: S_FACTS })).lead.nextFollowUpAt).toBe('2026-11-23T04:00:00.000Z');
    expect((await bg.send<Saved>('lead.update', { id: lead.id, edits: { stage: 'won' } })).lead.nextFollowUpAt).toBeNull();
  });
});

describe('history under concurrent saves', () => {
  it('two edits of one lead at once record its stage change and tier change once each', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    await Promise.all([
      bg.send('lead.update', { id: lead.id, edits: { stage: 'initial_contact' } }),
      bg.send('lead.update', { id: lead.id, edits: S_FACTS }),
      bg.send('lead.update', { id: lead.id, edits: { industry: 'software' } }),
    ]);
    expect((await bg.tracker.history.stageHistory(lead.id)).map((s) => s.to)).toEqual(['not_contacted', 'initial_contact']);
    expect((await bg.tracker.history.tierState(lead.id)).history.map((e) => e.to)).toEqual(['C', 'S']);
    expect((await bg.leads.get(lead.id))?.tier).toBe('S');
  });

  it('the background settling the same write twice at once records it once', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture(), edits: {} });
    const moved = (await bg.leads.update(lead.id, { stage: 'initial_contact', ...S_FACTS }))!;
    await Promise.all([bg.tracker.afterWrite(moved, [], 'Li Wei'), bg.tracker.afterWrite(moved, [], 'Li Wei')]);
    expect((await bg.tracker.history.stageHistory(lead.id)).map((s) => s.to)).toEqual(['not_contacted', 'initial_contact']);
    expect((await bg.tracker.history.tierState(lead.id)).history.map((e) => e.to)).toEqual(['C', 'S']);
  });
});
