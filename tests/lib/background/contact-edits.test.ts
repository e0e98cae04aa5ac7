import { makeCapture } from '../../helpers/make-capture';
import { S_FACTS, playbookBackground } from './harness';

type View = { lead: { id: string; tier: string }; contacts: Array<{ id: string; name: string; decisionRole: string; phones: string[]; title: string | null }> };

async function savedLead(bg: ReturnType<typeof playbookBackground>, edits: Record<string, unknown> = {}) {
  const { lead } = await bg.send<View>('clip.save', { capture: makeCapture(), edits: {} });
  if (Object.keys(edits).length) await bg.send('lead.update', { id: lead.id, edits });
  return lead;
}

describe("the rep's hand edits of a lead's people", () => {
  it('a person added by hand counts for decision-chain clarity, the decision maker most (half of its 20 points)', async () => {
    const bg = playbookBackground();
    // Scale and budget only (60): what the people add shows in the total.
    const lead = await savedLead(bg, { ...S_FACTS, decisionTimeline: null });
    const before = await bg.send<{ card: { tier: string; score: { total: number } } }>('lead.card', { leadId: lead.id });
    const added = await bg.send<View>('contact.add', { leadId: lead.id, contact: { name: '王总', title: '采购总监', decisionRole: 'procurement', phones: ['+86 138 0013 8000'] } });
    const wang = added.contacts.find((c) => c.name === '王总')!;
    const asProcurement = await bg.send<{ card: { score: { total: number } } }>('lead.card', { leadId: lead.id });
    expect(asProcurement.card.score.total).toBe(before.card.score.total + 5);
    expect(wang).toMatchObject({ title: '采购总监', decisionRole: 'procurement', phones: ['138****8000'] });
    const promoted = await bg.send<View>('contact.update', { id: wang.id, edits: { decisionRole: 'decision_maker' } });
    expect(promoted.contacts.find((c) => c.id === wang.id)!.decisionRole).toBe('decision_maker');
    const after = await bg.send<{ card: { tier: string; score: { total: number } } }>('lead.card', { leadId: lead.id });
    expect(after.card.score.total).toBe(before.card.score.total + 10);
  });

  it('removes a wrongly read person, and refuses edits of people or leads that are gone', async () => {
    const bg = playbookBackground();
    const lead = await savedLead(bg);
    const { contacts } = await bg.send<View>('contact.add', { leadId: lead.id, contact: { name: 'Privacy Policy' } });
    const junk = contacts.find((c) => c.name === 'Privacy Policy')!;
    const after = await bg.send<View>('contact.remove', { id: junk.id });
    expect(after.contacts.map((c) => c.name)).not.toContain('Privacy Policy');
    expect(await bg.raw('contact.update', { id: junk.id, edits: { title: 'CEO' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'That person is no longer on the lead.' } });
    expect(await bg.raw('contact.add', { leadId: '01890a5d-ac96-774b-bcce-b302099a8057', contact: { name: 'X' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await bg.raw('contact.add', { leadId: lead.id, contact: { name: '' } })).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(await bg.raw('contact.update', { id: junk.id, edits: { decisionRole: 'boss' } })).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('every hand edit is queued for the team server, the removal included', async () => {
    const bg = playbookBackground();
    const lead = await savedLead(bg);
    const before = await bg.db.table('outbox').count();
    const { contacts } = await bg.send<View>('contact.add', { leadId: lead.id, contact: { name: 'Li Na', decisionRole: 'influencer' } });
    const li = contacts.find((c) => c.name === 'Li Na')!;
    await bg.send('contact.update', { id: li.id, edits: { title: 'CTO' } });
    await bg.send('contact.remove', { id: li.id });
    const queued = (await bg.db.table('outbox').toArray()).slice(before).filter((m: { mutation: { table: string } }) => m.mutation.table === 'contacts');
    expect(queued.map((m: { mutation: { op: string; fields?: Record<string, unknown> } }) => (m.mutation.op === 'put' ? 'put' : Object.keys(m.mutation.fields!).join(',')))).toEqual(['put', 'title', 'deletedAt']);
  });
});
