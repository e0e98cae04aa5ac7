import type { AddressEvidence, EvidenceSource } from '../schema';
import { readChineseAddress } from './chinese-address';
import { readEnglishChineseAddress } from './chinese-address-english';
import type { ContactLines } from './contact-lines';
import { underOtherCompaniesHeading } from './email-rules';
import { readEuropeanAddresses } from './european-address';
import { readHeadquartersCities } from './headquarters-city';
import { isCreditLine } from './phone-labels';
import type { StructuredAddress } from './structured-contacts';

const MAX_ADDRESSES = 20;
const MAX_ANCHORS = 200;
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
/**
 * Western addresses end in a region code and a postal code ("Fremont CA 94538", "Chatswood NSW 2067",
 * "Toronto, ON M5V 2T6") or a UK postcode: those are the anchors; the city and street are read backwards.
 */
const ANCHORS: Array<{ country: string; pattern: RegExp; needsStreet?: boolean }> = [
  { country: 'US', pattern: new RegExp(String.raw`\b(${US_STATES})\b[ \n,.]{0,4}(\d{5}(?:-\d{4})?)(?![\d-])`, 'g') },
  { country: 'CA', pattern: /\b(AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\b[ \n,]{0,4}([A-Z]\d[A-Z] ?\d[A-Z]\d)\b/g },
  { country: 'AU', pattern: /\b(NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \n,]{0,4}(\d{4})(?!\d)/g },
  { country: 'GB', pattern: /()\b([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/g, needsStreet: true },
];
const STREET_TYPE = /\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|circle|cir|square|sq|terrace|plaza|trail|loop|extension|ext|route \d+)\b\.?/gi;
const STREET_LINE = /^(?:\d+[A-Za-z]?(?:[-/]\d*[A-Za-z]?)?\s+\S|(?:suite|ste|unit|apt|level|lvl|floor|fl|room|bldg|building)\.?\s*#?\s*[\dA-Z]|p\.?\s?o\.?\s?box\b|#\s?\d)/i;
const UNIT_PREFIX = /^(?:(?:suite|ste|unit|apt|room|floor|fl)\.?\s*#?\s*[\w-]+\s+)+/i;
const CITY = /^[A-Z][A-Za-z.'’ -]{1,40}$/;
/** A district, estate or building named after a street: "Canary Wharf", "Riverside Business Park". */
const PLACE_NAME = /^[A-Z][A-Za-z'’]+(?: [A-Z&][A-Za-z'’]*){0,3}$/;
const COUNTRY_AFTER = /^[\s,]*(USA|U\.S\.A\.?|United States(?: of America)?|Australia|Canada|United Kingdom|UK)\b/;
const COUNTRY_CODES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', 'u.s.a': 'US', 'united states': 'US', 'united states of america': 'US', us: 'US', china: 'CN', 中国: 'CN',
  "people's republic of china": 'CN', prc: 'CN', australia: 'AU', canada: 'CA', 'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB',
  england: 'GB', germany: 'DE', deutschland: 'DE', france: 'FR', japan: 'JP', 日本: 'JP', 'hong kong': 'HK', 香港: 'HK', taiwan: 'TW',
  singapore: 'SG', india: 'IN', 'new zealand': 'NZ', ireland: 'IE', netherlands: 'NL', spain: 'ES', italy: 'IT',
};

/**
 * Postal addresses: from structured data first (JSON-LD and microdata PostalAddress, hCard adr), then
 * written ones: Chinese addresses by 省/市/区 or an 地址 label, North American, Australian and British ones by
 * their region and postal code, continental European ones by their postal code before the city. A web
 * designer's credit line is skipped (its address is another company's). `countryHints` (the page's domain,
 * language and phone countries, best first) decide a European code's country when the address does not.
 */
export function extractAddresses(lines: ContactLines, structured: StructuredAddress[], countryHints: readonly string[] = [], companyLabel = ''): AddressEvidence[] {
  const found = new Map<string, AddressEvidence>();
  const add = (address: AddressEvidence) => {
    const { street, city, postalCode } = address.value;
    const key = `${postalCode ?? ''}|${squash(street ?? city ?? address.value.full)}`;
    if (found.size < MAX_ADDRESSES && !found.has(key)) found.set(key, address);
  };
  for (const address of structured) {
    let value: Omit<AddressEvidence['value'], 'full'> = { street: address.street, city: address.city, region: address.region, postalCode: address.postalCode, country: countryCode(address.country) };
    // Structured data that gives the address as one string ("address": "Musterstraße 12, 80331 München"): its
    // parts are read as a written address's would be, so the city and postal code are not lost.
    if (address.text && !value.street && !value.city && !value.postalCode) value = { ...partsOfWrittenAddress(address.text, countryHints), ...definedOnly(value) };
    add(evidence({ ...value, full: address.text ?? joinAddress(value) }, address.source, address.snippet, 0.9));
  }
  for (let i = 0; i < lines.lines.length; i++) {
    if (!/[\u4e00-\u9fff]/.test(lines.lines[i]!)) continue;
    const chinese = readChineseAddress(lines.lines, i);
    if (chinese && !isCreditLine(lines.lines[i]!) && !underOtherCompaniesHeading(lines.lines, i)) {
      const value = { street: chinese.street, city: chinese.city, region: chinese.region, postalCode: chinese.postalCode, country: 'CN' };
      add(evidence({ ...value, full: chinese.text }, 'text', lines.lines[i]!, chinese.city ? 0.8 : 0.6));
    }
  }
  readWesternAddresses(lines, add);
  readContinentalAddresses(lines, countryHints, add);
  readChineseAddressesInEnglish(lines, add);
  if (found.size > 0) return [...found.values()];
  const cities = new Set<string>();
  for (const place of readHeadquartersCities(lines.lines, companyLabel)) {
    if (cities.has(squash(place.city)) || isCreditLine(lines.lines[place.line]!)) continue;
    cities.add(squash(place.city));
    const full = [place.city, place.region].filter(Boolean).join(', ');
    // A city without its country takes the page's (its domain's, language's or phone numbers'): "fincar.com.au".
    add(evidence({ city: place.city, region: place.region, country: place.country ?? countryHints[0], full }, 'text', place.snippet, 0.5));
  }
  return [...found.values()];
}

/** "No. 8 Gaoxin South Road, Nanshan District, Shenzhen, Guangdong, China 518057". */
function readChineseAddressesInEnglish(lines: ContactLines, add: (address: AddressEvidence) => void): void {
  for (let i = 0; i < lines.lines.length; i++) {
    const line = lines.lines[i]!;
    if (!/china|\bprc\b/i.test(line) || isCreditLine(line) || underOtherCompaniesHeading(lines.lines, i)) continue;
    const address = readEnglishChineseAddress(line);
    if (!address) continue;
    const { street, city, region, postalCode, text } = address;
    add(evidence({ street, city, region, postalCode, country: 'CN', full: text }, lines.inFooter(line) ? 'footer' : 'text', line, 0.8));
  }
}

/** The parts of an address given as one string, read by the written-address readers (none found: none). */
function partsOfWrittenAddress(text: string, countryHints: readonly string[]): Omit<AddressEvidence['value'], 'full'> {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 500);
  let parsed: AddressEvidence['value'] | undefined;
  const take = (address: AddressEvidence) => {
    parsed ??= address.value;
  };
  if (/\p{Script=Han}/u.test(line)) {
    const chinese = readChineseAddress([line], 0);
    if (chinese) return { street: chinese.street, city: chinese.city, region: chinese.region, postalCode: chinese.postalCode, country: 'CN' };
  }
  // The whole string is an address: as if it stood in an <address> element.
  const single: ContactLines = { lines: [line], inFooter: () => false, inAddressBlock: () => true, snippet: () => '' };
  readWesternAddresses(single, take);
  if (!parsed) readContinentalAddresses(single, countryHints, take);
  if (!parsed) readChineseAddressesInEnglish(single, take);
  if (!parsed) return {};
  const { full: _full, ...parts } = parsed;
  return parts;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, part]) => part !== undefined)) as Partial<T>;
}

function readContinentalAddresses(lines: ContactLines, countryHints: readonly string[], add: (address: AddressEvidence) => void): void {
  const inAddressBlock = lines.inAddressBlock?.bind(lines);
  for (const address of readEuropeanAddresses({ lines: lines.lines, inAddressBlock, countryHints })) {
    const firstLine = address.line - (address.snippet === lines.lines[address.line] ? 0 : 1);
    if (isCreditLine(address.snippet) || underOtherCompaniesHeading(lines.lines, firstLine)) continue;
    const { street, city, region, postalCode, country, full } = address;
    // The snippet (street and code together) rather than the code's line alone, which a footer may repeat.
    const source = lines.inFooter(address.snippet) ? 'footer' : 'text';
    add(evidence({ street, city, region, postalCode, country, full }, source, address.snippet, address.hasStreet ? 0.8 : 0.6));
  }
}

function readWesternAddresses(lines: ContactLines, add: (address: AddressEvidence) => void): void {
  const text = lines.lines.join('\n');
  const lineStarts: number[] = [];
  for (let i = 0, at = 0; i < lines.lines.length; at += lines.lines[i]!.length + 1, i++) lineStarts.push(at);
  for (const { country, pattern, needsStreet } of ANCHORS) {
    let anchors = 0;
    for (const match of text.matchAll(pattern)) {
      if (++anchors > MAX_ANCHORS) break;
      // The four lines before the anchor (the first of a 400-character window may be cut, so it is dropped).
      const from = Math.max(0, match.index - 400);
      const head = text.slice(from, match.index).split('\n').slice(from > 0 ? 1 : 0).slice(-4);
      while (head.length > 0 && /^[\s,]*$/.test(head[head.length - 1]!)) head.pop();
      const parts = readHead(head.map((line) => line.trim()));
      if (!parts || (needsStreet && !parts.street) || isCreditLine(head.join(' '))) continue;
      // An address under "Our dealers" or "主要客户" is another company's.
      if (underOtherCompaniesHeading(lines.lines, lineAt(lineStarts, match.index) - (parts.lines.length - 1))) continue;
      const written = COUNTRY_AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 30))?.[1];
      const value = { street: parts.street, city: parts.city, region: match[1] || undefined, postalCode: match[2], country: countryCode(written) ?? country };
      const full = [parts.street, parts.city, [match[1], match[2]].filter(Boolean).join(' '), written].filter(Boolean).join(', ');
      add(evidence({ ...value, full }, 'text', [...parts.lines, match[0]].join(' ').replace(/\s+/g, ' '), parts.street ? 0.8 : 0.6));
    }
  }
}

/** The index of the line holding `offset` of the joined text (`starts`: each line's first offset). */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** City and street from the lines before a region and postal code: "440 Hall of Fame Avenue" / "Springfield ,". */
function readHead(head: string[]): { city: string; street?: string; lines: string[] } | undefined {
  const last = head.pop()?.replace(/[\s,]+$/, '');
  if (!last) return undefined;
  const segment = last.split(/\s*[|·•]\s*/).pop()!;
  let streetPart = '';
  let city = segment;
  const comma = segment.lastIndexOf(',');
  if (comma >= 0) {
    streetPart = segment.slice(0, comma);
    city = segment.slice(comma + 1).trim();
  } else {
    // "440 Hall of Fame Avenue Springfield": the city starts after the last street type.
    const types = [...segment.matchAll(STREET_TYPE)];
    const end = types.length > 0 && /^\d/.test(segment) ? types[types.length - 1]!.index + types[types.length - 1]![0].length : 0;
    streetPart = segment.slice(0, end);
    city = segment.slice(end).trim();
  }
  const unit = UNIT_PREFIX.exec(city)?.[0] ?? '';
  if (unit) {
    streetPart = [streetPart, unit.trim()].filter(Boolean).join(', ');
    city = city.slice(unit.length);
  }
  city = city.trim();
  if (!CITY.test(city) || city.split(' ').length > 4) return undefined;
  const streets: string[] = [];
  const sameLine = trailingStreet(streetPart);
  if (sameLine) streets.push(sameLine);
  else {
    // The street and a suite line can stand above the city: "8105 Birch Bay Square Street" / "Suite 205" / "Blaine, WA".
    for (let i = head.length - 1; i >= 0 && i >= head.length - 2; i--) {
      const line = head[i]!.split(/\s*[|·•]\s*/).pop()!;
      if (line.length > 100 || !STREET_LINE.test(line) || /@|\d{7,}/.test(line)) break;
      streets.unshift(line);
    }
  }
  const street = streets.join(', ').replace(/,\s*,/g, ',') || undefined;
  return { city, street, lines: [...streets, city] };
}

/**
 * The street at the end of the text before the city: the trailing comma-separated parts that look like a
 * street or a unit, each without a leading label ("Our offices: 500 Market St, Suite 300" -> both parts;
 * "Studio Ltd, 12 Old Street" -> "12 Old Street").
 */
function trailingStreet(text: string): string | undefined {
  const parts = text.split(',').map((part) => part.replace(/^[^:：]{0,30}[:：]\s*/u, '').trim());
  const kept: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    // A named place after the street stays with it ("1 Canada Square, Canary Wharf", "Unit 5, Riverside Park"),
    // but only between a street and the city: a name before every street is the company's.
    const placeAfterStreet = PLACE_NAME.test(part) && parts.slice(Math.max(0, i - 2), i).some((earlier) => STREET_LINE.test(earlier));
    if (!STREET_LINE.test(part) && !placeAfterStreet) break;
    kept.unshift(part);
  }
  return kept.some((part) => STREET_LINE.test(part)) ? kept.join(', ') : undefined;
}

function evidence(value: AddressEvidence['value'], source: EvidenceSource, snippet: string, confidence: number): AddressEvidence {
  const trimmed = Object.fromEntries(Object.entries(value).map(([key, part]) => [key, typeof part === 'string' ? part.slice(0, key === 'full' ? 500 : key === 'street' ? 300 : 100) : part]));
  return { value: trimmed as AddressEvidence['value'], source, snippet: snippet.slice(0, 500), confidence };
}

function joinAddress(value: { street?: string; city?: string; region?: string; postalCode?: string; country?: string }): string {
  return [value.street, value.city, [value.region, value.postalCode].filter(Boolean).join(' '), value.country].filter(Boolean).join(', ');
}

/** ISO 3166-1 alpha-2 where the page's country can be recognised ("USA", "中国", "au"); otherwise as written. */
export function countryCode(country: string | undefined): string | undefined {
  const text = country?.trim();
  if (!text) return undefined;
  if (/^[a-z]{2}$/i.test(text)) return text.toUpperCase();
  return COUNTRY_CODES[text.toLowerCase()] ?? text.slice(0, 60);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
