import { BUILTIN_PROVIDERS, enrichCapture, type EnrichmentProvider } from '@/lib/enrich';
import { PageCapture } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const capture = PageCapture.parse(makeCapture({ phones: ['+86 10 6608 5566'] }));

describe('enrichment providers', () => {
  it('the built-in providers read the capture alone', async () => {
    const { suggestions, failures } = await enrichCapture(capture, BUILTIN_PROVIDERS);
    expect(failures).toEqual([]);
    expect(Object.fromEntries(suggestions.map((s) => [s.field, s.value]))).toEqual({ industry: 'manufacturing', region: '北京' });
  });

  it('a later source (team backend, paid data) adds fields, and the most confident value per field wins', async () => {
    const teamBackend: EnrichmentProvider = {
      id: 'team-backend',
      fields: ['employees', 'industry'],
      suggest: async () => [
        { field: 'employees', value: 320, confidence: 0.9, provider: 'team-backend', evidence: { basis: 'CRM record', snippet: '320 staff' } },
        { field: 'industry', value: 'software', confidence: 0.1, provider: 'team-backend', evidence: { basis: 'guess', snippet: '' } },
      ],
    };
    const { suggestions } = await enrichCapture(capture, [...BUILTIN_PROVIDERS, teamBackend]);
    expect(suggestions.find((s) => s.field === 'employees')?.value).toBe(320);
    expect(suggestions.find((s) => s.field === 'industry')?.value).toBe('manufacturing');
  });

  it('a failing or misbehaving provider loses its suggestions, never the capture', async () => {
    const offline: EnrichmentProvider = { id: 'paid', fields: ['employees'], suggest: async () => Promise.reject(new Error('offline')) };
    const broken: EnrichmentProvider = {
      id: 'broken',
      fields: ['employees'],
      suggest: () => [{ field: 'employees', value: -5, confidence: 2, provider: 'broken', evidence: { basis: 'x', snippet: '' } }],
    };
    const { suggestions, failures } = await enrichCapture(capture, [offline, broken, ...BUILTIN_PROVIDERS]);
    expect(suggestions.map((s) => s.field).sort()).toEqual(['industry', 'region']);
    expect(failures.map((f) => f.provider)).toEqual(['paid', 'broken']);
  });
});
