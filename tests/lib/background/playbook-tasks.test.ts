import type { AgendaItem, LeadCard } from '@/lib/messaging';
import type { Task } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';
import { S_FACTS, playbookBackground } from './harness';

type Saved = { lead: { id: string; tier: string; stage: string; nextFollowUpAt: string | null } };
const HOUR = 3_600_000;

async function savedLead(bg: ReturnType<typeof playbookBackground>, url = 'https://www.acme-robotics.com/', name = 'Acme Robotics') {
  const capture = makeCapture({ url, domain: new URL(url).hostname.replace(/^www\./, ''), name });
  return (await bg.send<Saved>('clip.save', { capture, edits: {} })).lead;
}

describe('tasks the playbook proposes and the rep accepts', () => {
  it('the card of a new S lead proposes the first contact within 2 hours, urgent and important', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await savedLead(bg);
    await bg.send('lead.update', { id: lead.id, edits: S_FACTS });
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    expect(card.tier).toBe('S');
    expect(card.response).toEqual({ dueAt: '2026-11-23T04:00:00.000Z', firstTouchAt: null });
    expect(card.nextFollowUp).toEqual({ dueAt: '2026-11-23T04:00:00.000Z', basis: 'first_response' });
    expect(card.proposals).toEqual([
      expect.objectContaining({ kind: 'first_response', dueAt: '2026-11-23T04:00:00.000Z', remindAt: '2026-11-23T03:30:00.000Z', priority: 'urgent_important' }),
    ]);
  });

  it('finds the card by any page of the company, subdomains included', async () => {
    const bg = playbookBackground();
    await savedLead(bg);
    const { card } = await bg.send<{ card: LeadCard | null }>('lead.card', { url: 'https://shop.acme-robotics.com/cart?x=1' });
    expect(card?.lead.name).toBe('Acme Robotics');
    expect((await bg.send<{ card: LeadCard | null }>('lead.card', { url: 'https://example.org/' })).card).toBeNull();
  });

  it('accepting a proposal, with the rep’s edits, stores a task and re-arms the reminders; it is not proposed again', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await savedLead(bg);
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    const draft = card.proposals[0]!;
    const { task } = await bg.send<{ task: Task }>('task.accept', { draft, edits: { title: 'Call Acme’s switchboard', dueAt: '2026-11-23T08:00:00.000Z' } });
    expect(task).toMatchObject({ leadId: lead.id, kind: 'first_response', title: 'Call Acme’s switchboard', dueAt: '2026-11-23T08:00:00.000Z', status: 'open' });
    expect(bg.tasksChanged).toHaveBeenCalled();
    const again = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    expect(again.card.proposals.map((p) => p.kind)).not.toContain('first_response');
    expect(again.card.tasks.map((t) => t.id)).toEqual([task.id]);
  });

  it('a proposal moved to another time keeps its reminder as far ahead, never in the past', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await savedLead(bg);
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    const draft = card.proposals[0]!;
    // C: first contact due at 02:00 tomorrow, reminded 30 minutes before.
    expect([draft.dueAt, draft.remindAt]).toEqual(['2026-11-24T02:00:00.000Z', '2026-11-24T01:30:00.000Z']);
    const later = await bg.send<{ task: Task }>('task.accept', { draft, edits: { title: 'Call', dueAt: '2026-11-25T09:00:00.000Z' } });
    expect(later.task.remindAt).toBe('2026-11-25T08:30:00.000Z');
    const sooner = await bg.send<{ task: Task }>('task.accept', { draft, edits: { title: 'Call now', dueAt: '2026-11-23T02:10:00.000Z' } });
    expect(sooner.task.remindAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('refuses a task accepted without a title, storing nothing', async () => {
    const bg = playbookBackground();
    const lead = await savedLead(bg);
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    const answer = await bg.raw('task.accept', { draft: card.proposals[0], edits: { title: '' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(await bg.tracker.tasks.openForLead(lead.id)).toEqual([]);
  });

  it('logging a touch completes the first-contact task, moves the lead to initial contact and sets the cadence', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await savedLead(bg);
    await bg.send('lead.update', { id: lead.id, edits: S_FACTS });
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    await bg.send('task.accept', { draft: card.proposals[0], edits: { title: 'First call' } });

    bg.advance(HOUR);
    const touched = await bg.send<Saved>('lead.logTouch', { leadId: lead.id, channel: 'phone', summary: 'Spoke to the plant manager; wants a quote.' });
    expect(touched.lead.stage).toBe('initial_contact');
    // S: a touch every day after the last one.
    expect(touched.lead.nextFollowUpAt).toBe('2026-11-24T03:00:00.000Z');
    const after = await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id });
    expect(after.card.tasks).toEqual([]);
    expect(after.card.response.firstTouchAt).toBe('2026-11-23T03:00:00.000Z');
    expect(after.card.stageHistory.map((s) => s.to)).toEqual(['not_contacted', 'initial_contact']);
    expect(after.card.proposals.map((p) => p.kind)).toEqual(['follow_up', 'weekly_meeting']);
  });

  it('a touch with a date agreed with the customer sets the next follow-up to it when sooner', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const lead = await savedLead(bg);
    const touched = await bg.send<Saved>('lead.logTouch', { leadId: lead.id, channel: 'email', summary: 'Sent the brochure', nextFollowUpAt: '2026-11-25T02:00:00.000Z' });
    expect(touched.lead.nextFollowUpAt).toBe('2026-11-25T02:00:00.000Z');
    const refused = await bg.raw('lead.logTouch', { leadId: lead.id, channel: 'fax', summary: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('lists what is overdue across leads: open tasks and passed follow-ups, the longest overdue first', async () => {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z');
    const acme = await savedLead(bg);
    const fincar = await savedLead(bg, 'https://www.fincar.com.au/', 'FinCar');
    await bg.send('lead.update', { id: fincar.id, edits: S_FACTS });
    const { card } = await bg.send<{ card: LeadCard }>('lead.card', { leadId: acme.id });
    const { task } = await bg.send<{ task: Task }>('task.accept', { draft: card.proposals[0], edits: { title: 'Call Acme', dueAt: '2026-11-23T03:00:00.000Z' } });

    bg.setNow('2026-11-23T05:00:00.000Z');
    const { items } = await bg.send<{ items: AgendaItem[] }>('agenda.overdue', { limit: 10 });
    // Acme (C) is not due for 24 hours, FinCar (S) was due at 04:00, Acme's task at 03:00.
    expect(items.map((i) => [i.kind, i.leadName, i.dueAt])).toEqual([
      ['task', 'Acme Robotics', '2026-11-23T03:00:00.000Z'],
      ['follow_up', 'FinCar', '2026-11-23T04:00:00.000Z'],
    ]);
    expect(items[0]!.taskId).toBe(task.id);

    await bg.send('task.change', { id: task.id, change: { status: 'done' } });
    expect((await bg.send<{ items: AgendaItem[] }>('agenda.overdue', { limit: 10 })).items.map((i) => i.leadName)).toEqual(['FinCar']);
  });
});
