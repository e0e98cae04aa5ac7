import { LeadTracker, messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { handleMessage, type Result } from '@/lib/messaging';
import { makeCapture } from '../../helpers/make-capture';

let counter = 0;

describe('the rep’s values that lost a conflict, in the popup', () => {
  it('names the lead, the field, the rep’s value and the value kept, newest first', async () => {
    const db = new SidecarDatabase(`lost-values-${++counter}`);
    const leads = new LeadStore(db);
    const handlers = messageHandlers(leads, async () => null, { tracker: new LeadTracker(db, leads) });
    const lead = await leads.saveClip(makeCapture(), {}, null);
    const stamp = (n: number) => `176390000000${n}-0000-devicea`;
    await db.syncConflicts.bulkAdd([
      { changeNo: 3, table: 'leads', recordId: lead.id, field: 'description', lostValue: 'Robots for small factories', lostVersion: stamp(1), keptValue: 'x'.repeat(200), keptVersion: stamp(2), at: '2026-11-23T09:00:00.000Z' },
      { changeNo: 4, table: 'leads', recordId: lead.id, field: 'stage', lostValue: 'negotiation', lostVersion: stamp(3), keptValue: 'lost', keptVersion: stamp(4), at: '2026-11-23T10:00:00.000Z' },
    ]);
    const answer = (await handleMessage({ type: 'sync.lostValues', data: { limit: 10 } }, { fromExtensionPage: true }, handlers)) as Result<{ items: Array<Record<string, unknown>> }>;
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.items.map((item) => [item.leadName, item.field, item.yours])).toEqual([
      ['Acme Robotics', 'stage', 'negotiation'],
      ['Acme Robotics', 'description', 'Robots for small factories'],
    ]);
    expect(String(answer.data.items[1]!.kept)).toHaveLength(80);
  });
});
