import { applyCaptureMerge, applyLeadPatch, manualFields, mergeCaptureIntoLead, newLeadFromCapture } from '@/lib/leads';
import { Lead, PageCapture, type CaptureFields, type Suggestion } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const STAMP = '1763892000000-0000-origin';
const NOW = '2026-11-23T10:00:00.000Z';
const page = (url: string, fields: Partial<CaptureFields> = {}, name?: string) =>
  PageCapture.parse({ ...makeCapture({ url, name }), fields: { ...makeCapture({ name }).fields, ...fields } });
const suggestion = (field: 'industry' | 'region', value: string, confidence: number): Suggestion => ({ field, value, confidence, provider: 'test', evidence: { basis: 'description', snippet: value } });
const fresh = (capture = page('https://www.acme-robotics.com/'), suggestions: Suggestion[] = []) =>
  newLeadFromCapture({ id: '019a0f3e-5c00-7a00-8000-00000000b001', code: 'LX2026001', capture, stamp: STAMP, now: NOW, ownerId: null, suggestions });
const merge = (lead: Lead, capture: PageCapture, suggestions: Suggestion[] = []) =>
  applyCaptureMerge(lead, mergeCaptureIntoLead(lead, capture, { suggestions }), '1763892000100-0000-later', NOW);

describe('merging a capture into a lead', () => {
  it('records where each captured value came from', () => {
    const lead = fresh(page('https://www.acme-robotics.com/', {}), [suggestion('industry', 'manufacturing', 0.6)]);
    expect(Lead.parse(lead)).toEqual(lead);
    expect(lead.origins.name).toEqual({ by: 'capture', source: 'json-ld', confidence: 0.95, url: 'https://www.acme-robotics.com/' });
    expect(lead.origins.industry).toMatchObject({ source: 'enrich:test', confidence: 0.6 });
    expect(manualFields(lead)).not.toContain('name');
  });

  it('fills blanks with the new fields a page gives: firmographics, credit code, enrichment', () => {
    const about = page('https://www.acme-robotics.com/about', {
      foundingYear: { value: 1987, source: 'text', snippet: 'Founded in 1987', confidence: 0.9 },
      employees: { value: { min: 200, max: 500, text: '200-500 employees' }, source: 'text', snippet: '200-500 employees', confidence: 0.8 },
      revenue: { value: { amount: 3e7, currency: 'USD', text: '$30m' }, source: 'text', snippet: '$30m', confidence: 0.7 },
      registeredCapital: { value: { amount: 1e7, currency: 'CNY', text: '注册资本1000万元' }, source: 'text', snippet: '注册资本1000万元', confidence: 0.9 },
      creditCode: { value: '91440300MA5DC0LX3K', source: 'footer', snippet: '统一社会信用代码：91440300MA5DC0LX3K', confidence: 0.95 },
    });
    const merged = merge(fresh(), about, [suggestion('region', '广东 深圳', 0.7)]);
    expect(merged).toMatchObject({ foundingYear: 1987, employees: 200, revenue: { amount: 3e7, currency: 'USD' }, registeredCapital: { amount: 1e7, currency: 'CNY' }, creditCode: '91440300MA5DC0LX3K', region: '广东 深圳' });
    expect(merged.versions.foundingYear).toBe('1763892000100-0000-later');
    expect(merged.versions.name).toBe(STAMP);
  });

  it('lets a better capture replace a worse captured value, never a worse one a better', () => {
    const lead = fresh(page('https://www.acme-robotics.com/'), [suggestion('region', 'US', 0.35)]);
    const better = merge(lead, page('https://www.acme-robotics.com/contact'), [suggestion('region', 'CA, US', 0.64)]);
    expect(better.region).toBe('CA, US');
    expect(better.origins.region).toMatchObject({ confidence: 0.64, url: 'https://www.acme-robotics.com/contact' });
    const worse = merge(better, page('https://www.acme-robotics.com/blog'), [suggestion('region', 'US', 0.35)]);
    expect(worse.region).toBe('CA, US');
  });

  it('keeps the strongest evidence for a value seen again', () => {
    const lead = fresh(page('https://www.acme-robotics.com/'), [suggestion('industry', 'manufacturing', 0.4)]);
    const again = merge(lead, page('https://www.acme-robotics.com/about'), [suggestion('industry', 'manufacturing', 0.8)]);
    expect(again.origins.industry).toMatchObject({ confidence: 0.8, url: 'https://www.acme-robotics.com/about' });
    // ...so a middling different value no longer displaces it.
    expect(merge(again, page('https://www.acme-robotics.com/x'), [suggestion('industry', 'software', 0.6)]).industry).toBe('manufacturing');
  });

  it('never replaces a value the rep typed, however strong the capture', () => {
    const typed = applyLeadPatch(fresh(), { name: 'ACME (key account)', industry: 'automotive' }, '1763892000050-0000-rep', NOW);
    expect(manualFields(typed)).toEqual(expect.arrayContaining(['name', 'industry']));
    const merged = merge(typed, page('https://www.acme-robotics.com/about', {}, 'Acme Robotics Inc.'), [suggestion('industry', 'manufacturing', 0.95)]);
    expect(merged.name).toBe('ACME (key account)');
    expect(merged.industry).toBe('automotive');
  });

  it('treats values stored before origins existed like typed ones, and still fills their blanks', () => {
    const legacy: Lead = { ...fresh(), origins: {}, name: 'Acme', region: null };
    const merged = merge(legacy, page('https://www.acme-robotics.com/contact', {}, 'Acme Robotics'), [suggestion('region', 'CA, US', 0.9)]);
    expect(merged.name).toBe('Acme');
    expect(merged.region).toBe('CA, US');
  });

  it('renames a lead named after its domain once a page names the company', () => {
    const nameless = fresh(PageCapture.parse({ ...makeCapture(), fields: { ...makeCapture().fields, name: undefined } }));
    expect(nameless.name).toBe('acme-robotics.com');
    expect(merge(nameless, page('https://www.acme-robotics.com/about')).name).toBe('Acme Robotics');
  });

  it('adds new emails and phones, masking people’s numbers', () => {
    const contact = page('https://www.acme-robotics.com/contact', {
      emails: [{ value: 'Support@Acme-Robotics.com', source: 'link', snippet: '', confidence: 0.9 }],
      phones: [
        { value: '+1 415 555 0199', source: 'link', snippet: '', confidence: 0.9, kind: 'phone' },
        { value: '+86 138 0013 8000', source: 'text', snippet: '', confidence: 0.8, kind: 'mobile' },
      ],
    });
    const merged = merge(fresh(), contact);
    expect(merged.emails).toEqual(['sales@acme-robotics.com', 'support@acme-robotics.com']);
    expect(merged.phones).toEqual(['+1 415 555 0134', '+1 415 555 0199', '138****8000']);
  });
});
