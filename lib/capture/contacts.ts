import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { AddressEvidence, PersonCapture, PhoneEvidence, TextEvidence } from '../schema';
import { extractAddresses } from './addresses';
import { contactLines } from './contact-lines';
import { extractEmails, type FoundEmail } from './emails';
import { extractPeople } from './people';
import { countryOfDomain, countryOfLanguage, rankCountries } from './phone-country';
import { parseJsonLdBlocks } from './json-ld-blocks';
import { extractPhones, type FoundPhone } from './phones';
import { readPageLinks, type PageLink } from './page-links';
import { tidyLines } from './page-text';
import { readStructuredContacts, type StructuredContacts } from './structured-contacts';

export interface Contacts {
  emails: TextEvidence[];
  phones: PhoneEvidence[];
  people: PersonCapture[];
  addresses: AddressEvidence[];
  warnings: string[];
}

/** What extractCompany has read of the page already and hands to the contact readers, so none reads it twice. */
export interface SharedReadings {
  /** The page's parsed JSON-LD blocks (parseJsonLdBlocks). */
  jsonLdBlocks?: readonly unknown[];
  /** `tidyLines` of the page text. */
  lines?: readonly string[];
  /** The page's links (readPageLinks). */
  links?: readonly PageLink[];
}

/**
 * The company's contacts on a page: emails, phones (with kinds), people and postal addresses, each with
 * its evidence. Structured data is read first; the page's addresses then tell which country its
 * national-format numbers belong to. Each part is read on its own, so a failure in one costs only that
 * part, and is reported as a warning rather than thrown. `shared` holds what the caller has read already.
 */
export function extractContacts(doc: Document, text: string, domain: string | null, lang: string | null, shared: SharedReadings = {}): Contacts {
  const warnings: string[] = [];
  const attempt = <T>(part: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      warnings.push(`The ${part} on this page could not be read.`);
      return fallback;
    }
  };
  const lines = attempt('text', () => contactLines(doc, shared.lines ?? tidyLines(text)), { lines: [], inFooter: () => false, snippet: () => '' });
  const links = attempt('links', () => shared.links ?? readPageLinks(doc), []);
  const empty: StructuredContacts = { emails: [], phones: [], people: [], addresses: [], ownDomains: [], warnings: [] };
  const structured = attempt('structured data', () => readStructuredContacts(doc, shared.jsonLdBlocks ?? parseJsonLdBlocks(doc).blocks, domain), empty);
  const international = attempt('phone numbers', () => internationalCountries(links, structured), []);
  const countryHints = [countryOfDomain(domain), countryOfLanguage(lang), ...international].filter((country): country is CountryCode => Boolean(country));
  const addresses = attempt('addresses', () => extractAddresses(lines, structured.addresses, countryHints, domain?.split('.')[0] ?? ''), []);
  const countries = attempt(
    'phone numbers',
    () => rankCountries({ domain, lang, text, addressCountries: addresses.map((a) => a.value.country ?? ''), internationalCountries: international }),
    [],
  );
  const phones: FoundPhone[] = attempt('phone numbers', () => extractPhones(doc, lines, countries, structured.phones, links), []);
  const emails: FoundEmail[] = attempt('email addresses', () => extractEmails(doc, lines, { domain, ownDomains: structured.ownDomains }, structured.emails, links), []);
  const phoneValue = (raw: string) => phoneIn(raw, countries);
  const people = attempt('people', () => extractPeople(lines, structured.people, emails, phones, phoneValue, domain), []);
  return {
    emails: emails.map(({ line: _line, ...email }) => email),
    phones: phones.map(({ line: _line, ...phone }) => phone),
    people,
    addresses,
    warnings,
  };
}

/** Countries of the numbers the page writes with their +country code in links and structured data. */
function internationalCountries(links: readonly PageLink[], structured: StructuredContacts): string[] {
  const raws = structured.phones.map((phone) => phone.raw);
  for (let i = 0, read = 0; i < links.length && read < 20; i++) {
    const { href, area } = links[i]!;
    if (area || !/^tel:\+/i.test(href)) continue;
    raws.push(href.slice(4));
    read++;
  }
  return raws
    .filter((raw) => raw.trim().startsWith('+'))
    .slice(0, 20)
    .map((raw) => parsePhoneNumberFromString(raw.slice(0, 60))?.country ?? '')
    .filter(Boolean);
}

function phoneIn(raw: string, countries: CountryCode[]): string | undefined {
  for (const country of countries.length > 0 ? countries : [undefined]) {
    const number = parsePhoneNumberFromString(raw.slice(0, 60), { defaultCountry: country });
    if (number?.isValid()) return number.formatInternational();
  }
  return undefined;
}
