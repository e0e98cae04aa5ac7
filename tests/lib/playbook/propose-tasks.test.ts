import { DEFAULT_TEAM_SETTINGS, Task, type Lead } from '@/lib/schema';
import { TaskDraft, proposeTasks, taskFromDraft, taskPriority, type ProposeInput } from '@/lib/playbook';
import { NOW, makeActivity, makeLead } from '../score/records';

const settings = DEFAULT_TEAM_SETTINGS;
const CREATED = '2026-11-23T01:00:00.000Z';
const score = (tier: 'S' | 'A' | 'B' | 'C', askNext: ProposeInput['score']['askNext'] = []) => ({ tier, askNext });
const leadAt = (facts: Partial<Lead> = {}) => ({ ...makeLead(facts), createdAt: CREATED });
const kinds = (drafts: TaskDraft[]) => drafts.map((d) => d.kind);

describe('proposing follow-up tasks', () => {
  it('asks for a first contact of a new S lead within 2 hours, reminding 30 minutes before', () => {
    const [first, ...rest] = proposeTasks({ lead: leadAt(), score: score('S', ['budget', 'decisionMaker']), activities: [] }, NOW, settings);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      kind: 'first_response',
      titleKey: 'task_first_response',
      dueAt: '2026-11-23T03:00:00.000Z',
      remindAt: '2026-11-23T02:30:00.000Z',
      priority: 'urgent_important',
      overdue: false,
      channel: 'phone',
      askNext: ['budget', 'decisionMaker'],
    });
    expect(TaskDraft.safeParse(first).success).toBe(true);
  });

  it('gives a C lead a day, as urgent but not important', () => {
    const [first] = proposeTasks({ lead: leadAt(), score: score('C'), activities: [] }, NOW, settings);
    expect(first).toMatchObject({ dueAt: '2026-11-24T01:00:00.000Z', priority: 'urgent' });
  });

  it('counts the deadline from the assignment when the lead was assigned later', () => {
    const [first] = proposeTasks({ lead: leadAt(), score: score('B'), activities: [], assignedAt: '2026-11-23T05:00:00.000Z' }, NOW, settings);
    expect(first!.dueAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reminds now, and makes it urgent, when the due time has already passed', () => {
    const [first] = proposeTasks({ lead: leadAt(), score: score('C'), activities: [] }, '2026-11-25T00:00:00.000Z', settings);
    expect(first).toMatchObject({ overdue: true, remindAt: '2026-11-25T00:00:00.000Z', priority: 'urgent' });
  });

  it('keeps an S lead on a daily call and a weekly meeting, both urgent-important when due', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const activities = [makeActivity(lead, '2026-11-22T08:00:00.000Z', 'Intro call')];
    const drafts = proposeTasks({ lead, score: score('S', ['budget']), activities }, NOW, settings);
    expect(kinds(drafts)).toEqual(['follow_up', 'weekly_meeting']);
    expect(drafts[0]).toMatchObject({ dueAt: '2026-11-23T08:00:00.000Z', priority: 'urgent_important', askNext: ['budget'], params: { basis: 'cadence', tier: 'S' } });
    expect(drafts[1]).toMatchObject({ dueAt: '2026-11-29T08:00:00.000Z', priority: 'important', channel: 'meeting' });
  });

  it('counts the weekly meeting from the last meeting', () => {
    const lead = leadAt({ stage: 'needs_confirmed' });
    const activities = [makeActivity(lead, '2026-11-10T02:00:00.000Z', 'Visit', { channel: 'visit' }), makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call')];
    const meeting = proposeTasks({ lead, score: score('S'), activities }, NOW, settings).find((d) => d.kind === 'weekly_meeting');
    expect(meeting).toMatchObject({ dueAt: '2026-11-17T02:00:00.000Z', overdue: true, priority: 'urgent_important' });
  });

  it('gives an A lead a call every two days, important', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const drafts = proposeTasks({ lead, score: score('A'), activities: [makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call')] }, NOW, settings);
    expect(drafts).toMatchObject([{ kind: 'follow_up', dueAt: '2026-11-24T02:00:00.000Z', priority: 'important' }]);
  });

  it('gives B and C leads a weekly light touch with content, neither urgent nor important', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const drafts = proposeTasks({ lead, score: score('B'), activities: [makeActivity(lead, '2026-11-20T02:00:00.000Z', 'Call')] }, NOW, settings);
    expect(drafts).toMatchObject([{ kind: 'share_news', dueAt: '2026-11-27T02:00:00.000Z', priority: 'neither', channel: 'email' }]);
  });

  it('follows the tier a manager set over the score’s', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const drafts = proposeTasks({ lead, score: score('C'), tier: 'A', activities: [makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call')] }, NOW, settings);
    expect(drafts[0]).toMatchObject({ kind: 'follow_up', dueAt: '2026-11-24T02:00:00.000Z', params: { tier: 'A' } });
  });

  it('turns the last record’s next step into a task: sending material is urgent, not important', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const call = makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call', { nextStep: '发送产品资料和报价' });
    const send = proposeTasks({ lead, score: score('A'), activities: [call] }, NOW, settings).find((d) => d.kind === 'send_material');
    expect(send).toMatchObject({ dueAt: '2026-11-23T02:00:00.000Z', priority: 'urgent', activityId: call.id, params: { text: '发送产品资料和报价' } });

    const demo = makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call', { nextStep: 'Book a demo with IT', nextFollowUpAt: '2026-11-25T02:00:00.000Z' });
    expect(proposeTasks({ lead, score: score('S'), activities: [demo] }, NOW, settings).find((d) => d.kind === 'next_step')).toMatchObject({
      dueAt: '2026-11-25T02:00:00.000Z',
      priority: 'urgent_important',
      activityId: demo.id,
    });
  });

  it('asks for a proposal once needs are confirmed: important, not urgent', () => {
    const lead = leadAt({ stage: 'needs_confirmed' });
    const drafts = proposeTasks({ lead, score: score('A'), activities: [makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call')], stageEnteredAt: '2026-11-22T02:00:00.000Z' }, NOW, settings);
    expect(drafts.find((d) => d.kind === 'prepare_proposal')).toMatchObject({ dueAt: '2026-11-24T02:00:00.000Z', priority: 'important', channel: 'email' });
  });

  it('asks for a review when an S lead has been in initial contact over 3 days', () => {
    const lead = leadAt({ stage: 'initial_contact' });
    const input = { lead, score: score('S'), activities: [makeActivity(lead, '2026-11-22T02:00:00.000Z', 'Call')], stageEnteredAt: '2026-11-19T02:00:00.000Z' };
    expect(proposeTasks(input, NOW, settings).find((d) => d.kind === 'phase_review')).toMatchObject({
      dueAt: '2026-11-22T02:00:00.000Z',
      overdue: true,
      priority: 'urgent_important',
      params: { stage: 'initial_contact', limitDays: 3 },
    });
    expect(proposeTasks({ ...input, stageEnteredAt: '2026-11-21T02:00:00.000Z' }, NOW, settings).map((d) => d.kind)).not.toContain('phase_review');
  });

  it.each(['won', 'lost', 'after_sales'] as const)('proposes nothing for a lead that is %s', (stage) => {
    expect(proposeTasks({ lead: leadAt({ stage }), score: score('S'), activities: [] }, NOW, settings)).toEqual([]);
  });

  it('ranks tasks on the Eisenhower grid of the playbook', () => {
    expect(taskPriority('follow_up', 'S', false)).toBe('urgent_important');
    expect(taskPriority('prepare_proposal', 'B', false)).toBe('important');
    expect(taskPriority('send_material', 'A', false)).toBe('urgent');
    expect(taskPriority('share_news', 'C', false)).toBe('neither');
    expect(taskPriority('share_news', 'C', true)).toBe('urgent');
    expect(taskPriority('prepare_proposal', 'B', true)).toBe('urgent_important');
  });
});

describe('accepting a proposed task', () => {
  const [draft] = proposeTasks({ lead: leadAt(), score: score('S'), activities: [] }, NOW, settings);

  it('makes an open task with the rep’s title and edits', () => {
    const accepted = taskFromDraft(draft!, { title: '首次联系 Acme Robotics', dueAt: '2026-11-23T03:30:00.000Z', assigneeId: 'rep-1' });
    expect(accepted).toEqual({
      ok: true,
      data: { leadId: draft!.leadId, title: '首次联系 Acme Robotics', dueAt: '2026-11-23T03:30:00.000Z', remindAt: '2026-11-23T02:30:00.000Z', assigneeId: 'rep-1', priority: 'urgent_important', status: 'open', activityId: null, kind: draft!.kind, notifiedAt: null },
    });
    if (accepted.ok) expect(Task.pick({ title: true, dueAt: true, priority: true }).safeParse(accepted.data).success).toBe(true);
  });

  it('refuses an edit that is not valid, naming the field', () => {
    const refused = taskFromDraft(draft!, { title: '', dueAt: 'tomorrow' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'INVALID_TASK', fields: ['title', 'dueAt'] });
  });
});
