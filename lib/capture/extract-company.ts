import { registrableDomain } from '../domain';
import { PageCapture } from '../schema';
import { readCompanyProfile } from './company-profile';
import { extractContacts } from './contacts';
import { readJsonLd } from './json-ld';
import { readPageText } from './page-text';

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

  const contacts = extractContacts(doc, text, domain, lang);
  warnings.push(...contacts.warnings);
  const profile = readCompanyProfile(doc, { url, domain, text, jsonLdOrganizations: organizations });
  warnings.push(...profile.warnings);
  if (!profile.fields.name && !domain) warnings.push('No company name or domain found on this page.');

  const capture = {
    url,
    title: (doc.querySelector('title')?.textContent ?? '').trim().slice(0, 2000),
    domain,
    fields: {
      ...profile.fields,
      emails: contacts.emails,
      phones: contacts.phones,
      people: contacts.people,
      addresses: contacts.addresses,
    },
    mainText: profile.mainText,
    warnings: warnings.slice(0, 50),
  };
  // Validating here keeps an odd page from producing a capture that the background would refuse.
  const checked = PageCapture.safeParse(capture);
  if (checked.success) return checked.data;
  return PageCapture.parse({ url, title: '', domain, fields: { emails: [], phones: [] }, warnings: [...capture.warnings, 'Parts of this page could not be read.'].slice(0, 50) });
}
