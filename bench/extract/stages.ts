/**
 * Runs inside a page loaded in Chromium (bench/extract/stages.mjs): the extractor's stages timed one by one on
 * the live document, each the fastest of many runs (the least disturbed by other work on a shared machine), so
 * that a change to one reader shows in its own row. The
 * stages repeat extractCompany's pipeline (lib/capture/extract-company.ts, contacts.ts, company-profile.ts).
 */
import { extractCompany } from '../../lib/capture';
import { extractAddresses } from '../../lib/capture/addresses';
import { readCompanyProfile } from '../../lib/capture/company-profile';
import { contactLines } from '../../lib/capture/contact-lines';
import { extractEmails } from '../../lib/capture/emails';
import { readFirmographics } from '../../lib/capture/firmographics';
import { findLogoImages } from '../../lib/capture/identity';
import { readJsonLd } from '../../lib/capture/json-ld';
import { parseJsonLdBlocks } from '../../lib/capture/json-ld-blocks';
import { readMainText } from '../../lib/capture/main-text';
import { readPageMeta } from '../../lib/capture/meta';
import { readMicrodata } from '../../lib/capture/microdata';
import { readPageLinks } from '../../lib/capture/page-links';
import { readPageText, tidyLines } from '../../lib/capture/page-text';
import { extractPeople } from '../../lib/capture/people';
import { rankCountries } from '../../lib/capture/phone-country';
import { extractPhones } from '../../lib/capture/phones';
import { readSocialProfiles } from '../../lib/capture/social';
import { readStructuredContacts } from '../../lib/capture/structured-contacts';
import { registrableDomain } from '../../lib/domain';
import { PageCapture } from '../../lib/schema';

export function stages({ url, runs }: { url: string; runs: number }): Record<string, number> {
  const times = new Map<string, number[]>();
  const time = <T>(name: string, fn: () => T): T => {
    const started = performance.now();
    const value = fn();
    const list = times.get(name) ?? [];
    list.push(performance.now() - started);
    times.set(name, list);
    return value;
  };
  for (let run = 0; run < runs + 2; run++) {
    const capture = time('extractCompany (whole)', () => extractCompany(document, url));
    const domain = registrableDomain(url);
    const jsonLd = time('parseJsonLdBlocks', () => parseJsonLdBlocks(document));
    const { organizations } = time('readJsonLd', () => readJsonLd(jsonLd));
    const { text } = time('readPageText', () => readPageText(document.body));
    const tidy = time('tidyLines', () => tidyLines(text));
    const lines = time('contactLines', () => contactLines(document, tidy));
    const links = time('readPageLinks', () => readPageLinks(document));
    const structured = time('readStructuredContacts', () => readStructuredContacts(document, jsonLd.blocks, domain));
    const addresses = time('extractAddresses', () => extractAddresses(lines, structured.addresses));
    const countries = time('rankCountries', () =>
      rankCountries({ domain, lang: document.documentElement.getAttribute('lang'), text, addressCountries: addresses.map((a) => a.value.country ?? ''), internationalCountries: [] }),
    );
    const phones = time('extractPhones', () => extractPhones(document, lines, countries, structured.phones, links));
    const emails = time('extractEmails', () => extractEmails(document, lines, { domain, ownDomains: structured.ownDomains }, structured.emails, links));
    time('extractPeople', () => extractPeople(lines, structured.people, emails, phones, () => undefined, domain));
    time('readCompanyProfile (whole)', () => readCompanyProfile(document, { url, domain, text, lines: tidy, links, jsonLdOrganizations: organizations }));
    const meta = time('  readPageMeta', () => readPageMeta(document, url));
    time('  readMicrodata', () => readMicrodata(document));
    time('  findLogoImages', () => findLogoImages(document, url, domain));
    if (!capture.fields.description || capture.fields.description.source === 'readability' || capture.fields.description.source === 'text') {
      time('  readMainText', () => readMainText(document, url, tidy));
    }
    time('  readSocialProfiles', () => readSocialProfiles(document, { meta, organizations, companyKeys: [], text: tidy.join('\n'), links }));
    time('  readFirmographics', () => readFirmographics(tidy.join('\n'), organizations[0]));
    time('PageCapture.safeParse', () => PageCapture.safeParse(capture));
  }
  const fastest: Record<string, number> = {};
  for (const [name, list] of times) fastest[name] = Number(Math.min(...list.slice(2)).toFixed(2));
  return fastest;
}
