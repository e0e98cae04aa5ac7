import { LeadTracker } from '@/lib/background';
import { foldRescoredTiers } from '@/lib/db/fold-rescored-tiers';
import { rescoreLeads } from '@/lib/db/rescore-leads';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';
import { playbookBackground } from '../background/harness';

type Saved = { lead: { id: string; tier: string; nextFollowUpAt: string | null } };
const HOUR = 3_600_000;
/** 5,000 staff and a budget covering a deal: 60 points, A under the playbook's thresholds. */
const A_FACTS = { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' } };
/** The team lowers the bar for S to 60: those leads become S, whose cadence is daily instead of every two days. */
const S_AT_60 = TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, thresholds: { S: 60, A: 50, B: 40 } });

describe('a re-score that moves a lead’s tier moves its next follow-up', () => {
  async function leadTouched(bg: ReturnType<typeof playbookBackground>, name: string, agreedInHours: number | null) {
    const url = `https://www.${name}.example/`;
    const { lead } = await bg.send<Saved>('clip.save', { capture: makeCapture({ url, domain: `${name}.example`, name }), edits: {} });
    await bg.send('lead.update', { id: lead.id, edits: A_FACTS });
    const touchedAt = new Date(Date.parse('2026-11-23T03:00:00.000Z')).toISOString();
    const agreed = agreedInHours === null ? null : new Date(Date.parse(touchedAt) + agreedInHours * HOUR).toISOString();
    const touched = await bg.send<Saved>('lead.logTouch', { leadId: lead.id, channel: 'phone', summary: 'Call', nextFollowUpAt: agreed });
    return { id: lead.id, touchedAt, stored: touched.lead };
  }

  it('the cadence of the new tier from the last touch; a date agreed with the customer that comes sooner stays', async () => {
    const bg = playbookBackground('2026-11-23T03:00:00.000Z');
    const cadence = await leadTouched(bg, 'cadence', null);
    const agreed = await leadTouched(bg, 'agreed', 12);
    expect(cadence.stored).toMatchObject({ tier: 'A', nextFollowUpAt: new Date(Date.parse(cadence.touchedAt) + 48 * HOUR).toISOString() });
    expect(agreed.stored).toMatchObject({ tier: 'A', nextFollowUpAt: new Date(Date.parse(agreed.touchedAt) + 12 * HOUR).toISOString() });
    const won = await leadTouched(bg, 'won', null);
    await bg.send('lead.update', { id: won.id, edits: { stage: 'won' } });

    bg.advance(HOUR);
    await rescoreLeads(bg.db, S_AT_60, { now: () => new Date('2026-11-23T04:00:00.000Z') });
    await foldRescoredTiers(bg.db, { now: () => new Date('2026-11-23T04:00:00.000Z'), teamSettings: async () => S_AT_60 });

    expect(await bg.leads.get(cadence.id)).toMatchObject({ tier: 'S', nextFollowUpAt: new Date(Date.parse(cadence.touchedAt) + 24 * HOUR).toISOString() });
    expect(await bg.leads.get(agreed.id)).toMatchObject({ tier: 'S', nextFollowUpAt: new Date(Date.parse(agreed.touchedAt) + 12 * HOUR).toISOString() });
    expect(await bg.leads.get(won.id)).toMatchObject({ tier: 'S', nextFollowUpAt: null });
    // What is stored is what the popup computes for the lead under the new settings.
    const tracker = new LeadTracker(bg.db, bg.leads, { now: () => new Date('2026-11-23T04:00:00.000Z'), teamSettings: async () => S_AT_60 });
    for (const { id } of [cadence, agreed]) {
      const lead = (await bg.leads.get(id))!;
      expect((await tracker.card(lead)).nextFollowUp?.dueAt).toBe(lead.nextFollowUpAt);
    }
  });

  it('a lead whose tier stays keeps its date, and a fold without the team’s settings leaves every date alone', async () => {
    const bg = playbookBackground('2026-11-23T03:00:00.000Z');
    const moved = await leadTouched(bg, 'moved', null);
    const { lead: quiet } = await bg.send<Saved>('clip.save', { capture: makeCapture({ url: 'https://www.quiet.example/', domain: 'quiet.example', name: 'Quiet' }), edits: {} });
    await rescoreLeads(bg.db, S_AT_60, { now: () => new Date('2026-11-23T04:00:00.000Z') });
    await foldRescoredTiers(bg.db, { now: () => new Date('2026-11-23T04:00:00.000Z') });
    expect(await bg.leads.get(moved.id)).toMatchObject({ tier: 'S', nextFollowUpAt: moved.stored.nextFollowUpAt });
    expect((await bg.leads.get(quiet.id))?.nextFollowUpAt).toBe(quiet.nextFollowUpAt);
  });
});
