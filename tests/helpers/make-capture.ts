import type { PageCapture } from '@/lib/schema';

/** A capture as the extractor would send it, for tests that are about storage rather than extraction. */
export function makeCapture(overrides: Partial<PageCapture> & { name?: string; emails?: string[]; phones?: string[] } = {}): PageCapture {
  const { name = 'Acme Robotics', emails = ['sales@acme-robotics.com'], phones = ['+1 415 555 0134'], ...rest } = overrides;
  return {
    url: 'https://www.acme-robotics.com/',
    title: `${name} | Industrial robots`,
    domain: 'acme-robotics.com',
    fields: {
      name: { value: name, source: 'json-ld', snippet: name, confidence: 0.95 },
      description: { value: 'Industrial robots for small factories.', source: 'meta', snippet: 'Industrial robots', confidence: 0.8 },
      emails: emails.map((value) => ({ value, source: 'link' as const, snippet: value, confidence: 0.95 })),
      phones: phones.map((value) => ({ value, source: 'link' as const, snippet: value, confidence: 0.95, kind: 'phone' as const })),
      people: [],
      addresses: [],
      social: [],
    },
    warnings: [],
    ...rest,
  };
}
