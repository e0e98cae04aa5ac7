import { findNumbers, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { EvidenceSource, PhoneEvidence, PhoneKind } from '../schema';
import type { ContactLines } from './contact-lines';
import { textAround } from './nearby-text';
import { readPageLinks, type PageLink } from './page-links';
import { isCreditLine, labelAfter, labelBefore, phoneKind } from './phone-labels';
import { hasSevenDigits, isPlaceholder, lacksTrunkPrefix, looksLikeOtherNumber } from './phone-traps';
import { RECRUITING, underOtherCompaniesHeading } from './email-rules';

const MAX_PHONES = 100;
const MAX_LINES_SCANNED = 3_000;
const MAX_LINKS = 200;
/** A stretch of digits and the separators phone numbers are written with: the only text the finder is run on. */
const NUMBER_SPAN = /\+?\(?\d[\d ().\-–/]{5,38}\d/g;
const MAX_CACHED = 2_000;
/** Chinese landlines with an area code ("0755-1234567"): some are outside libphonenumber's metadata but real. */
/** tel: and callto: links, WhatsApp chat links. */
const PHONE_LINK = /^(?:tel|callto):|wa\.me\/|whatsapp\.com\/send/i;
const CN_LANDLINE = /(?<![\d+-])(?:\(0\d{2,3}\)|0\d{2,3}-)\s?\d{7,8}(?![\d-])/g;

/** A number from the page's structured data (JSON-LD telephone or faxNumber, microdata, hCard). */
export interface StructuredPhone {
  raw: string;
  kind?: PhoneKind;
  source: EvidenceSource;
  snippet: string;
}

/** A phone with the line of the page text it was read from (-1 when it came from markup), for people.ts. */
export interface FoundPhone extends PhoneEvidence {
  line: number;
}

interface Candidate {
  number: PhoneNumber;
  start: number;
  end: number;
  confidence: number;
}

/**
 * Phone numbers from structured data, the visible text and tel: links, parsed and validated by
 * libphonenumber-js in the page's likely countries (`rankCountries`), written in international format so
 * the same number found twice is kept once. Each carries its kind: fax and mobile where the page labels
 * them ("Fax:", "F:", "传真", "(Fax)"), otherwise what its numbering plan says (400, 1-800: toll-free).
 */
export function extractPhones(
  doc: Document,
  lines: ContactLines,
  countries: CountryCode[],
  structured: StructuredPhone[] = [],
  links: readonly PageLink[] = readPageLinks(doc),
): FoundPhone[] {
  const found = new Map<string, FoundPhone & { labelled: boolean }>();
  const known: KnownNumbers = new Map();
  const add = (number: PhoneNumber, phone: Omit<FoundPhone, 'value' | 'kind'>, label: PhoneKind | undefined) => {
    known.set(number.nationalNumber, number).set(`${number.countryCallingCode}${number.nationalNumber}`, number);
    const existing = found.get(number.number);
    if (existing) {
      existing.confidence = Math.max(existing.confidence, phone.confidence);
      if (existing.line < 0) existing.line = phone.line;
      if (label && !existing.labelled) Object.assign(existing, { kind: phoneKind(label, number.getType()), labelled: true });
      return;
    }
    if (found.size >= MAX_PHONES) return;
    found.set(number.number, { value: number.formatInternational(), kind: phoneKind(label, number.getType()), labelled: label !== undefined, ...phone });
  };

  for (const phone of structured.slice(0, MAX_PHONES)) {
    const number = parseIn(phone.raw, countries);
    if (number) add(number, { source: phone.source, snippet: phone.snippet, confidence: 0.95, line: -1 }, phone.kind);
  }
  readTextPhones(lines, countries, known, add, () => found.size >= MAX_PHONES);
  readLinkPhones(links, countries, add);
  return [...found.values()].map(({ labelled: _labelled, ...phone }) => phone);
}

type AddPhone = (number: PhoneNumber, phone: Omit<FoundPhone, 'value' | 'kind'>, label: PhoneKind | undefined) => void;
/** Numbers already read (from structured data, or earlier in the text), by their digits: read again without parsing. */
type KnownNumbers = Map<string, PhoneNumber>;

function readTextPhones(lines: ContactLines, countries: CountryCode[], known: KnownNumbers, add: AddPhone, full: () => boolean): void {
  const cache = new Map<string, Candidate[]>();
  let scanned = 0;
  for (let i = 0; i < lines.lines.length && scanned < MAX_LINES_SCANNED && !full(); i++) {
    const line = lines.lines[i]!;
    if (!hasSevenDigits(line)) continue;
    scanned++;
    let previousEnd = 0;
    for (const candidate of candidatesIn(line, countries, cache, known)) {
      const raw = line.slice(candidate.start, candidate.end);
      const lineBefore = line.slice(Math.max(0, candidate.start - 200), candidate.start);
      // A bracketed label right after the previous number belongs to it: "877.224.3262 (Toll-Free) 707.665.9184 (Fax)".
      const before = line.slice(Math.max(previousEnd, candidate.start - 80), candidate.start).replace(/^\s*[(（[][^)）\]]{0,20}[)）\]]/u, '');
      previousEnd = candidate.end;
      if (isPlaceholder(candidate.number) || looksLikeOtherNumber(raw, lineBefore, line.slice(candidate.end)) || isCreditLine(lineBefore)) continue;
      if (isOtherCompanysLine(lines.lines, i)) continue;
      let label = labelAfter(line.slice(candidate.end, candidate.end + 24)) ?? labelBefore(before);
      // "Phone" on its own line above the number, as hCards and definition lists write it.
      if (label === undefined && !/\p{L}/u.test(before) && i > 0) label = labelFromLineAbove(lines.lines[i - 1]!);
      if (label === 'other') continue;
      const source = lines.inFooter(raw) ? 'footer' : 'text';
      const confidence = label ? Math.max(candidate.confidence, 0.9) : candidate.confidence;
      add(candidate.number, { source, snippet: lines.snippet(i, candidate.start, candidate.end), confidence, line: i }, label);
    }
  }
}

/**
 * A number in a job ad ("send your CV to … or call …") or under a heading that lists other companies ("Our
 * partners", "主要客户"): theirs, not the company's (the rule emails follow too, lib/capture/email-rules.ts).
 */
function isOtherCompanysLine(lines: readonly string[], index: number): boolean {
  return RECRUITING.test(lines[index]!) || underOtherCompaniesHeading(lines, index);
}

/**
 * Numbers in one line, in text order. libphonenumber's finder is costly per call, so it runs only on
 * stretches of digits and separators long enough to be a phone, each stretch once per page (`cache`), in
 * the first country that reads it as a valid number.
 */
function candidatesIn(line: string, countries: CountryCode[], cache: Map<string, Candidate[]>, known: KnownNumbers): Candidate[] {
  const candidates: Candidate[] = [];
  const tries: Array<CountryCode | undefined> = countries.length > 0 ? countries : [undefined];
  for (const span of line.matchAll(NUMBER_SPAN)) {
    if (!hasSevenDigits(span[0])) continue;
    const digits = span[0].replace(/\D/g, '');
    const again = known.get(digits) ?? known.get(digits.replace(/^[01]/, ''));
    if (again) {
      candidates.push({ number: again, start: span.index, end: span.index + span[0].length, confidence: span[0].startsWith('+') ? 0.85 : 0.8 });
      continue;
    }
    // One character either side lets the finder see a number glued to letters ("ICP05049539").
    const from = Math.max(0, span.index - 1);
    const window = line.slice(from, span.index + span[0].length + 1);
    let found = cache.get(window);
    if (!found) {
      found = [];
      for (let rank = 0; rank < tries.length && found.length === 0; rank++) {
        for (const { number, startsAt, endsAt } of findNumbers(window, { defaultCountry: tries[rank], v2: true })) {
          const international = window.lastIndexOf('+', startsAt) >= Math.max(0, startsAt - 2);
          // Read without its trunk 0 it is another country's number, or no number at all: the next country may read it.
          if (!international && lacksTrunkPrefix(number, window.slice(startsAt, endsAt))) continue;
          found.push({ number, start: startsAt, end: endsAt, confidence: international ? 0.85 : rank === 0 ? 0.8 : 0.7 });
        }
      }
      if (found.length === 0) found = withoutPlus(window);
      if (cache.size < MAX_CACHED) cache.set(window, found);
    }
    for (const candidate of found) candidates.push({ ...candidate, start: candidate.start + from, end: candidate.end + from });
  }
  if (countries.includes('CN')) {
    const free = (start: number, end: number) => candidates.every((c) => end <= c.start || start >= c.end);
    for (const match of line.matchAll(CN_LANDLINE)) {
      const number = parsePhoneNumberFromString(match[0], 'CN');
      if (number?.isPossible() && free(match.index, match.index + match[0].length)) {
        candidates.push({ number, start: match.index, end: match.index + match[0].length, confidence: 0.65 });
      }
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/**
 * "86-571-88776655", "0086 138 2345 6789": Chinese exporters often write the country code without its +.
 * Read so only when no country reads the digits and the code is China's, Hong Kong's, Macao's or Taiwan's.
 */
function withoutPlus(window: string): Candidate[] {
  const match = /^\D?(?:00)?(86|852|853|886)[- .]\(?\d/.exec(window);
  if (!match) return [];
  const offset = window.indexOf(match[1]!);
  return findNumbers(`+${window.slice(offset)}`, { v2: true })
    .filter(({ number, startsAt }) => startsAt === 0 && number.countryCallingCode === match[1])
    .map(({ number, endsAt }) => ({ number, start: offset, end: offset + endsAt - 1, confidence: 0.7 }));
}

function labelFromLineAbove(above: string): PhoneKind | 'other' | undefined {
  return above.length <= 40 && !hasSevenDigits(above) ? labelBefore(above) : undefined;
}

/** tel: and callto: links, and WhatsApp chat links (a number, unlike WhatsApp share links, which carry text). */
function readLinkPhones(links: readonly PageLink[], countries: CountryCode[], add: AddPhone): void {
  let read = 0;
  for (let i = 0; i < links.length && read < MAX_LINKS; i++) {
    const { element: link, href, area } = links[i]!;
    if (area || !PHONE_LINK.test(href)) continue;
    read++;
    const whatsApp = /^(?:https?:)?\/\/(?:wa\.me|(?:api\.)?whatsapp\.com)\//i.test(href);
    const raw = whatsApp ? whatsAppNumber(href) : decodeSafely(href.replace(/^[a-z]+:(?:\/\/)?/i, '').split(/[?;]/)[0] ?? '');
    if (!raw) continue;
    const number = parseIn(raw, countries);
    if (!number || isPlaceholder(number)) continue;
    const { before, text, after } = textAround(link);
    const label = whatsApp ? 'mobile' : labelAfter(after) ?? labelBefore(`${before} ${text}`);
    if (label === 'other' || isCreditLine(before)) continue;
    add(number, { source: 'link', snippet: (`${before} ${text} ${after}`.trim() || raw).slice(0, 200), confidence: 0.95, line: -1 }, label);
  }
}

function whatsAppNumber(href: string): string | undefined {
  const digits = /wa\.me\/\+?(\d{7,15})/i.exec(href)?.[1] ?? /[?&]phone=\+?(\d{7,15})/i.exec(href)?.[1];
  return digits ? `+${digits}` : undefined;
}

/**
 * Parses a number the markup says is a phone (a tel: link, a structured-data value): valid in one of the
 * countries, or else merely possible (such markup is deliberate; a metadata gap should not lose it).
 */
function parseIn(raw: string, countries: CountryCode[]): PhoneNumber | undefined {
  const text = raw.slice(0, 60);
  const tries: Array<CountryCode | undefined> = countries.length > 0 ? countries : [undefined];
  let possible: PhoneNumber | undefined;
  for (const country of tries) {
    const number = parsePhoneNumberFromString(text, { defaultCountry: country });
    if (number?.isValid()) return number;
    if (number?.isPossible()) possible ??= number;
  }
  return possible;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
