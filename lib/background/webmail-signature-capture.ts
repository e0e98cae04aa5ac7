import type { PageCapture, TextEvidence } from '../schema';
import type { MailAddress, ParsedSignature } from '../webmail';

const SIGNATURE_CONFIDENCE = 0.6;
/** The display name and address are what the sender's own mail client says: firmer than a parsed signature line. */
const HEADER_CONFIDENCE = 0.8;

const evidence = (value: string, snippet: string, confidence: number): TextEvidence => ({
  value: value.slice(0, 2000),
  source: 'text',
  snippet: snippet.slice(0, 500),
  confidence,
});

/**
 * A capture of the sender's company as their email shows it, so that a lead made from an email goes through
 * the same store, enrichment, masking and merge rules as one clipped from a website: the company from the
 * signature (the domain names the lead when there is none), the sender as a contact with title and phones.
 */
export function captureFromSignature(domain: string, person: MailAddress, signature: ParsedSignature | null): PageCapture {
  const name = signature?.name ?? person.name;
  const company = signature?.company ?? null;
  const phones = (signature?.phones ?? []).slice(0, 5);
  const from = `${person.name ?? ''} <${person.address}>`.trim();
  return {
    url: `https://${domain}/`,
    title: company ?? domain,
    domain,
    fields: {
      ...(company ? { name: evidence(company, `signature: ${company}`, SIGNATURE_CONFIDENCE) } : {}),
      emails: [],
      phones: [],
      people: name
        ? [
            {
              name: evidence(name, from, HEADER_CONFIDENCE),
              ...(signature?.title ? { title: evidence(signature.title, `signature: ${signature.title}`, SIGNATURE_CONFIDENCE) } : {}),
              emails: [person.address],
              phones: phones.map((phone) => phone.value.slice(0, 40)),
            },
          ]
        : [],
      addresses: [],
      social: [],
    },
    warnings: ['Read from an email signature, not from the company’s website.'],
  };
}
