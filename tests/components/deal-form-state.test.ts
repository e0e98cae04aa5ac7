import { dealPatchOf, parseAmount } from '@/components/deal-form-state';
import { editsFrom, formStateOf } from '@/components/lead-form-state';
import { LeadPatch } from '@/lib/schema';
import { makeLead } from '../lib/score/records';

describe("the sidebar's needs and deal fields", () => {
  it('reads amounts as reps type them', () => {
    expect(parseAmount('300000')).toBe(300_000);
    expect(parseAmount('300,000')).toBe(300_000);
    expect(parseAmount('30万')).toBe(300_000);
    expect(parseAmount('1.2亿')).toBe(120_000_000);
    expect(parseAmount('2.5m')).toBe(2_500_000);
    expect(parseAmount(' ')).toBeNull();
    expect(parseAmount('about a lot')).toBeNaN();
  });

  it('an untouched form changes nothing, whatever the lead holds', () => {
    const lead = makeLead({ budget: { min: 100_000, max: 200_000, currency: 'CNY' }, tags: ['SOE 国企'], competitor: { status: 'none' }, decisionTimeline: '本月' });
    expect(editsFrom(formStateOf(lead, 'USD'), lead)).toEqual({});
    const bare = makeLead({});
    expect(editsFrom(formStateOf(bare, 'CNY'), bare)).toEqual({});
  });

  it('what the rep types becomes valid lead facts, in the team currency unless they pick another', () => {
    const lead = makeLead({});
    const form = formStateOf(lead, 'CNY');
    form.deal = { ...form.deal, budgetMin: '20万', budgetMax: '50万', decisionTimeline: ' 本月 ', annualPurchases: '60万', revenue: '12m', revenueCurrency: 'usd', tags: '重点跟进, 价格敏感，重点跟进', competitor: 'Globex', competitorAdvantages: 'local support' };
    const edits = editsFrom(form, lead);
    expect(LeadPatch.parse(edits)).toEqual({
      budget: { min: 200_000, max: 500_000, currency: 'CNY' },
      decisionTimeline: '本月',
      annualPurchases: { amount: 600_000, currency: 'CNY' },
      revenue: { amount: 12_000_000, currency: 'USD' },
      tags: ['重点跟进', '价格敏感'],
      competitor: { status: 'engaged', competitor: 'Globex', ourAdvantages: 'local support' },
    });
  });

  it('a budget typed wrong is refused by the schema with the field named, not dropped', () => {
    const form = formStateOf(makeLead({}), 'CNY');
    const result = LeadPatch.safeParse(dealPatchOf({ ...form.deal, budgetMin: 'soon' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['budget', 'min']);
  });
});
