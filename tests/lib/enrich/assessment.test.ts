import { assessCompleteness, screenLead, type ScreeningRules } from '@/lib/enrich';
import { newLeadFromCapture } from '@/lib/leads';
import type { Contact, Lead } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const base = newLeadFromCapture({
  id: '019a0f3e-5c00-7a00-8000-00000000b001',
  code: 'LX2026001',
  capture: makeCapture(),
  stamp: '1763892000000-0000-origin',
  now: '2026-11-23T10:00:00.000Z',
  ownerId: null,
});
const lead = (patch: Partial<Lead>): Lead => ({ ...base, ...patch });
const contact = {
  id: '019a0f3e-5c00-7a00-8000-00000000c001',
  leadId: base.id,
  name: '张经理',
  deletedAt: null,
  emails: [],
  phones: ['138****8000'],
} as unknown as Contact;

/** shared/domain.md §1's B2B software example, in CNY with a USD rate. */
const rules: ScreeningRules = { minEmployees: 50, keywords: ['efficiency', '成本'], minBudget: 100_000, currency: 'CNY', exchangeRates: { USD: 7 } };

describe('completeness (信息完整度)', () => {
  it('is incomplete for a fresh clip and says what is missing', () => {
    const result = assessCompleteness(base, []);
    expect(result.level).toBe('incomplete');
    expect(result.total).toBe(10);
    expect(result.missing).toEqual(['industry', 'region', 'size', 'foundingYear', 'contactPerson', 'needs', 'budget']);
  });

  it('is mostly complete from 6 of the 10 key fields and complete from 9', () => {
    const known = lead({ industry: 'manufacturing', region: 'CA, US', sizeBand: 'medium' });
    expect(assessCompleteness(known, []).level).toBe('mostly_complete');
    expect(assessCompleteness(lead({ industry: 'manufacturing', region: 'CA, US' }), []).level).toBe('incomplete');
    const full = lead({ industry: 'manufacturing', region: 'CA, US', employees: 120, foundingYear: 1987, needDescription: '20 robots in Q1' });
    expect(assessCompleteness(full, [contact])).toMatchObject({ level: 'complete', filled: 9, missing: ['budget'] });
  });

  it('counts only live contacts of this lead', () => {
    expect(assessCompleteness(base, [{ ...contact, deletedAt: '2026-11-23T10:00:00.000Z' }]).missing).toContain('contactPerson');
    expect(assessCompleteness(base, [{ ...contact, leadId: '019a0f3e-5c00-7a00-8000-00000000b999' }]).missing).toContain('contactPerson');
  });
});

describe("screening against the team's criteria (筛选标准)", () => {
  it('passes a lead that meets every criterion, with the reasons', () => {
    const result = screenLead(lead({ employees: 120, description: 'Cuts cost and raises efficiency', budget: { min: 150_000, currency: 'CNY' } }), rules);
    expect(result.status).toBe('pass');
    expect(result.checks).toEqual([
      { criterion: 'minEmployees', result: 'met', params: { employees: 120, min: 50 } },
      { criterion: 'keywords', result: 'met', params: { found: 'efficiency', keywords: 'efficiency, 成本' } },
      { criterion: 'minBudget', result: 'met', params: { budget: '150000 CNY', min: '100000 CNY' } },
    ]);
  });

  it('flags a lead that fails one, and says which', () => {
    const result = screenLead(lead({ employees: 12, needDescription: '想降低采购成本', budget: { max: 20_000, currency: 'USD' } }), rules);
    expect(result.status).toBe('fail');
    expect(result.checks.map((c) => c.result)).toEqual(['failed', 'met', 'met']);
    expect(screenLead(lead({ employees: 120, needDescription: 'Faster robots for the new line' }), rules).checks[1]).toMatchObject({ result: 'failed' });
    // A company page alone rarely names a need: no keyword there leaves the criterion open, not failed.
    expect(screenLead(lead({ employees: 120, description: 'We sell robots' }), rules).checks[1]).toMatchObject({ result: 'unknown' });
  });

  it('is incomplete while facts are missing, and decides on a size band only when the band is clear', () => {
    expect(screenLead(lead({ description: null }), rules)).toMatchObject({ status: 'incomplete' });
    expect(screenLead(lead({ sizeBand: 'large' }), rules).checks[0]).toMatchObject({ result: 'met', params: { employees: '250-999' } });
    expect(screenLead(lead({ sizeBand: 'micro' }), rules).checks[0]).toMatchObject({ result: 'failed' });
    expect(screenLead(lead({ sizeBand: 'small' }), { ...rules, minEmployees: 20 }).checks[0]).toMatchObject({ result: 'unknown' });
    expect(screenLead(lead({ budget: { max: 50_000, currency: 'EUR' } }), rules).checks[2]).toMatchObject({ result: 'unknown', params: { budget: '50000 EUR' } });
  });

  it('screens nothing when the team set no criteria', () => {
    expect(screenLead(base, { ...rules, minEmployees: null, keywords: [], minBudget: null })).toEqual({ status: 'pass', checks: [] });
  });
});
