import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { Activity, Contact, Lead, PageCapture, Task } from '@/lib/schema';
import { newLeadFromCapture } from '@/lib/leads';
import { makeCapture } from '../../helpers/make-capture';

const now = '2026-11-23T10:00:00.000Z';
const sync = { schemaVersion: 1 as const, teamId: 'team-1', ownerId: 'rep-1', createdAt: now, updatedAt: now, deletedAt: null, versions: {} };

describe('domain schemas', () => {
  const lead = newLeadFromCapture({ id: uuidv7(), code: 'LX2026001', capture: makeCapture(), stamp: '1763892000000-0000-dev', now, ownerId: null });

  it('accepts a lead built from a capture and requires its schema version', () => {
    expect(Lead.parse(lead)).toEqual(lead);
    expect(Lead.safeParse({ ...lead, schemaVersion: 2 }).success).toBe(false);
    expect(Lead.safeParse({ ...lead, schemaVersion: undefined }).success).toBe(false);
  });

  it('requires client-generated time-sortable ids (UUIDv7)', () => {
    expect(Lead.safeParse({ ...lead, id: uuidv4() }).success).toBe(false);
    const ids = Array.from({ length: 50 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
  });

  it('rejects bad field values with the field named', () => {
    const result = Lead.safeParse({ ...lead, code: 'LEAD-1', emails: ['nope'], budget: { min: 500, max: 100, currency: 'CNY' } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'emails.0', 'budget']));
  });

  it('records each lead source with its own details', () => {
    expect(Lead.safeParse({ ...lead, source: { kind: 'trade_show', booth: 'A12', minutesOfInteraction: 15, productsOfInterest: ['AGV'] } }).success).toBe(true);
    expect(Lead.safeParse({ ...lead, source: { kind: 'referral' } }).success).toBe(false);
  });

  it('describes contacts, follow-up activities and tasks', () => {
    const leadId = lead.id;
    expect(
      Contact.safeParse({ ...sync, id: uuidv7(), leadId, name: '张经理', title: '采购总监', phones: ['010-****5678'], emails: [], preferredChannel: 'phone', decisionRole: 'decision_maker', verified: false, notes: null }).success,
    ).toBe(true);
    expect(
      Activity.safeParse({
        ...sync, id: uuidv7(), leadId, channel: 'email', direction: 'outbound', occurredAt: now,
        participants: [{ name: 'Li Wei', email: 'li.wei@acme.cn', contactId: null }], subject: 'Quote', summary: 'Quote is 10% over budget',
        bant: { background: 'Factory of 300', painPoints: 'Downtime', needs: 'HA servers', value: '500k saved a year' },
        mood: 'hesitant', feedback: 'neutral', stageChange: { from: 'initial_contact', to: 'needs_confirmed' }, nextStep: 'Send revised quote',
        nextFollowUpAt: now, externalKey: 'gmail:thread-1:msg-1',
      }).success,
    ).toBe(true);
    expect(
      Task.safeParse({ ...sync, id: uuidv7(), leadId, title: 'Call back', dueAt: now, remindAt: now, assigneeId: 'rep-1', priority: 'urgent_important', status: 'open', activityId: null }).success,
    ).toBe(true);
    expect(Task.safeParse({ ...sync, id: uuidv7(), leadId, title: '', dueAt: 'tomorrow', remindAt: null, assigneeId: null, priority: 'high', status: 'open', activityId: null }).success).toBe(false);
  });

  it('refuses a capture that is not what the extractor sends', () => {
    expect(PageCapture.safeParse(makeCapture()).success).toBe(true);
    expect(PageCapture.safeParse({ ...makeCapture(), url: 'javascript alert(1)' }).success).toBe(false);
    expect(PageCapture.safeParse({ ...makeCapture(), fields: { emails: new Array(500).fill({ value: 'a@b.co', source: 'text', snippet: '', confidence: 1 }), phones: [] } }).success).toBe(false);
  });
});
