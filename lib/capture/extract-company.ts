import { registrableDomain } from '../domain';
import { PageCapture } from '../schema';
import { readCompanyProfile } from './company-profile';
import { extractContacts } from './contacts';
import { readJsonLd } from './json-ld';
import { parseJsonLdBlocks } from './json-ld-blocks';
import { readPageLinks } from './page-links';
import { readPageText, tidyLines } from './page-text';

const MAX_WARNINGS = 50;

/**
 * Reads a company's identity and contacts from a page. Runs unchanged on the live page (content script)
 * and on a parsed page in Node; never throws on a hostile page: problems come back as warnings, and a
 * failure nobody foresaw leaves a capture of the URL and domain alone with a warning rather than an exception.
 * (It throws only when `url` is not an http, https or file address: no capture can be made of such a page.)
 */
export function extractCompany(doc: Document, url: string): PageCapture {
  try {
    return readPage(doc, url);
  } catch {
    return emptyCapture(url, ['Parts of this page could not be read.']);
  }
}

function readPage(doc: Document, url: string): PageCapture {
  const warnings: string[] = [];
  const domain = registrableDomain(url);
  // A document with no root element at all (an empty or text-only file parsed outside a browser).
  const root = doc.documentElement;
  if (!root) return emptyCapture(url, ['This page is empty: there is nothing to read on it.']);
  const jsonLd = parseJsonLdBlocks(doc);
  const { organizations, warnings: jsonLdWarnings } = readJsonLd(jsonLd);
  warnings.push(...jsonLdWarnings);
  // Outside a browser a page that omits its optional <body> tag has its content straight under <html>.
  const body = doc.body;
  const { text, truncated } = readPageText(body?.firstChild ? body : root);
  if (truncated) warnings.push('The page is very large; only its beginning and its end (where the footer is) were read.');
  const lang = root.getAttribute('lang');
  // Every reader works on the same tidy lines: made once here rather than once per reader.
  const lines = tidyLines(text);
  const links = readPageLinks(doc);

  const contacts = extractContacts(doc, text, domain, lang, { jsonLdBlocks: jsonLd.blocks, lines, links });
  warnings.push(...contacts.warnings);
  const profile = readCompanyProfile(doc, { url, domain, text, lines, links, jsonLdOrganizations: organizations, jsonLdBlocks: jsonLd.blocks });
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
    warnings: warnings.slice(0, MAX_WARNINGS),
  };
  // Validating here keeps an odd page from producing a capture that the background would refuse.
  const checked = PageCapture.safeParse(capture);
  if (checked.success) return checked.data;
  return emptyCapture(url, [...capture.warnings, 'Parts of this page could not be read.']);
}

/** The page's address and domain only: still a valid capture the rep can save and fill in by hand. */
function emptyCapture(url: string, warnings: string[]): PageCapture {
  let domain: string | null = null;
  try {
    domain = registrableDomain(url);
  } catch {
    // an address tldts cannot read: no domain
  }
  return PageCapture.parse({ url, title: '', domain, fields: { emails: [], phones: [] }, warnings: warnings.slice(-MAX_WARNINGS) });
}
