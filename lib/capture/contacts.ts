import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { AddressEvidence, PersonCapture, PhoneEvidence, TextEvidence } from '../schema';
import { extractAddresses } from './addresses';
import { contactLines } from './contact-lines';
import { extractEmails, type FoundEmail } from './emails';
import { extractPeople } from './people';
import { rankCountries } from './phone-country';
import { parseJsonLdBlocks } from './json-ld-blocks';
import { extractPhones, type FoundPhone } from './phones';
import { readStructuredContacts, type StructuredContacts } from './structured-contacts';

export interface Contacts {
  emails: TextEvidence[];
  phones: PhoneEvidence[];
  people: PersonCapture[];
  addresses: AddressEvidence[];
  warnings: string[];
}

/**
 * The company's contacts on a page: emails, phones (with kinds), people and postal addresses, each with
 * its evidence. Structured data is read first; the page's addresses then tell which country its
 * national-format numbers belong to. Each part is read on its own, so a failure in one costs only that
 * part, and is reported as a warning rather than thrown. `jsonLdBlocks` are the page's parsed JSON-LD blocks
 * when the caller has them already (extractCompany parses them once for identity and contacts).
 */
export function extractContacts(doc: Document, text: string, domain: string | null, lang: string | null, jsonLdBlocks?: readonly unknown[]): Contacts {
  const warnings: string[] = [];
  const attempt = <T>(part: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      warnings.push(`The ${part} on this page could not be read.`);
      return fallback;
    }
  };
  const lines = attempt('text', () => contactLines(doc, text), { lines: [], inFooter: () => false, snippet: () => '' });
  const empty: StructuredContacts = { emails: [], phones: [], people: [], addresses: [], ownDomains: [], warnings: [] };
  const structured = attempt('structured data', () => readStructuredContacts(doc, jsonLdBlocks ?? parseJsonLdBlocks(doc).blocks, domain), empty);
  const addresses = attempt('addresses', () => extractAddresses(lines, structured.addresses), []);
  const countries = attempt(
    'phone numbers',
    () => rankCountries({ domain, lang, text, addressCountries: addresses.map((a) => a.value.country ?? ''), internationalCountries: internationalCountries(doc, structured) }),
    [],
  );
  const phones: FoundPhone[] = attempt('phone numbers', () => extractPhones(doc, lines, countries, structured.phones), []);
  const emails: FoundEmail[] = attempt('email addresses', () => extractEmails(doc, lines, { domain, ownDomains: structured.ownDomains }, structured.emails), []);
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
function internationalCountries(doc: Document, structured: StructuredContacts): string[] {
  const raws = structured.phones.map((phone) => phone.raw);
  const links = doc.querySelectorAll('a[href^="tel:+" i]');
  for (let i = 0; i < links.length && i < 20; i++) raws.push(links[i]!.getAttribute('href')!.slice(4));
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
