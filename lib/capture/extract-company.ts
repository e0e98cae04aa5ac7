import { registrableDomain } from '../domain';
import { PageCapture, type TextEvidence } from '../schema';
import { readCompanyName, readDescription } from './company-name';
import { readCopyrightHolder } from './copyright';
import { extractEmails } from './emails';
import { readJsonLd } from './json-ld';
import { readPageText, tidyLines } from './page-text';
import { countryHint, extractPhones } from './phones';

/**
 * Reads a company's identity and contacts from a page. Runs unchanged on the live page (content script)
 * and on a parsed page in Node; never throws on a hostile page: problems come back as warnings.
 */
export function extractCompany(doc: Document, url: string): PageCapture {
  const warnings: string[] = [];
  const domain = registrableDomain(url);
  const { organizations, warnings: jsonLdWarnings } = readJsonLd(doc);
  warnings.push(...jsonLdWarnings);
  const body = doc.body ?? doc.documentElement;
  const { text, truncated } = body ? readPageText(body) : { text: '', truncated: false };
  if (truncated) warnings.push('The page is very large; only its first part was read.');
  const lang = doc.documentElement?.getAttribute('lang') ?? null;

  const emails = extractEmails(doc, text);
  const phones = extractPhones(doc, text, countryHint(domain, lang));
  for (const org of organizations) {
    for (const email of org.email ?? []) addUnique(emails, { value: email.replace(/^mailto:/i, '').toLowerCase(), source: 'json-ld', snippet: org.raw, confidence: 0.95 });
  }
  const copyright = readCopyrightHolder(tidyLines(text));
  const jsonLdLegalName = organizations.find((org) => org.legalName)?.legalName;
  const legalName = jsonLdLegalName
    ? { value: jsonLdLegalName, source: 'json-ld' as const, snippet: jsonLdLegalName, confidence: 0.95 }
    : copyright?.legalName;
  const name = readCompanyName(doc, domain, organizations, copyright);
  if (!name && !domain) warnings.push('No company name or domain found on this page.');

  const capture = {
    url,
    title: (doc.querySelector('title')?.textContent ?? '').trim().slice(0, 2000),
    domain,
    fields: {
      name,
      legalName,
      description: readDescription(doc, organizations),
      emails: emails.filter((e) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(e.value)),
      phones,
    },
    warnings: warnings.slice(0, 50),
  };
  // Validating here keeps an odd page from producing a capture that the background would refuse.
  const checked = PageCapture.safeParse(capture);
  if (checked.success) return checked.data;
  return PageCapture.parse({ url, title: '', domain, fields: { emails: [], phones: [] }, warnings: [...capture.warnings, 'Parts of this page could not be read.'].slice(0, 50) });
}

function addUnique(list: TextEvidence[], item: TextEvidence): void {
  if (!list.some((existing) => existing.value === item.value)) list.push(item);
}
