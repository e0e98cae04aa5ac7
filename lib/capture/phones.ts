import { findNumbers, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { EvidenceSource, PhoneEvidence, PhoneKind } from '../schema';
import type { ContactLines } from './contact-lines';
import { textAround } from './nearby-text';
import { isCreditLine, labelAfter, labelBefore, phoneKind } from './phone-labels';

export { countryHint } from './phone-country';

const MAX_PHONES = 100;
const MAX_LINES_SCANNED = 3_000;
const MAX_LINKS = 200;
/** Chinese landlines with an area code ("0755-1234567"): some are outside libphonenumber's metadata but real. */
/** A stretch of digits and the separators phone numbers are written with: the only text the finder is run on. */
const NUMBER_SPAN = /\+?\(?\d[\d ().\-–/]{5,38}\d/g;
const MAX_CACHED = 2_000;
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
export function extractPhones(doc: Document, lines: ContactLines, countries: CountryCode[], structured: StructuredPhone[] = []): FoundPhone[] {
  const found = new Map<string, FoundPhone & { labelled: boolean }>();
  const add = (number: PhoneNumber, phone: Omit<FoundPhone, 'value' | 'kind'>, label: PhoneKind | undefined) => {
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
    const number = parseIn(phone.raw, countries, true);
    if (number) add(number, { source: phone.source, snippet: phone.snippet, confidence: 0.95, line: -1 }, phone.kind);
  }
  readTextPhones(lines, countries, add, () => found.size >= MAX_PHONES);
  readLinkPhones(doc, countries, add);
  return [...found.values()].map(({ labelled: _labelled, ...phone }) => phone);
}

type AddPhone = (number: PhoneNumber, phone: Omit<FoundPhone, 'value' | 'kind'>, label: PhoneKind | undefined) => void;

function readTextPhones(lines: ContactLines, countries: CountryCode[], add: AddPhone, full: () => boolean): void {
  const cache = new Map<string, Candidate[]>();
  let scanned = 0;
  for (let i = 0; i < lines.lines.length && scanned < MAX_LINES_SCANNED && !full(); i++) {
    const line = lines.lines[i]!;
    if (countDigits(line) < 7) continue;
    scanned++;
    let previousEnd = 0;
    for (const candidate of candidatesIn(line, countries, cache)) {
      const raw = line.slice(candidate.start, candidate.end);
      const lineBefore = line.slice(Math.max(0, candidate.start - 200), candidate.start);
      // A bracketed label right after the previous number belongs to it: "877.224.3262 (Toll-Free) 707.665.9184 (Fax)".
      const before = line.slice(Math.max(previousEnd, candidate.start - 80), candidate.start).replace(/^\s*[(（[][^)）\]]{0,20}[)）\]]/u, '');
      previousEnd = candidate.end;
      if (isPlaceholder(candidate.number) || looksLikeOtherNumber(raw, lineBefore, line.slice(candidate.end)) || isCreditLine(lineBefore)) continue;
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
 * Numbers in one line, in text order. libphonenumber's finder is costly per call, so it runs only on
 * stretches of digits and separators long enough to be a phone, each stretch once per page (`cache`), in
 * the first country that reads it as a valid number.
 */
function candidatesIn(line: string, countries: CountryCode[], cache: Map<string, Candidate[]>): Candidate[] {
  const candidates: Candidate[] = [];
  const tries: Array<CountryCode | undefined> = countries.length > 0 ? countries : [undefined];
  for (const span of line.matchAll(NUMBER_SPAN)) {
    if (countDigits(span[0]) < 7) continue;
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

function labelFromLineAbove(above: string): PhoneKind | 'other' | undefined {
  return above.length <= 40 && countDigits(above) < 7 ? labelBefore(above) : undefined;
}

/** tel: and callto: links, and WhatsApp chat links (a number, unlike WhatsApp share links, which carry text). */
function readLinkPhones(doc: Document, countries: CountryCode[], add: AddPhone): void {
  const links = doc.querySelectorAll('a[href^="tel:" i], a[href^="callto:" i], a[href*="wa.me/" i], a[href*="whatsapp.com/send" i]');
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const link = links[i]!;
    const href = link.getAttribute('href') ?? '';
    const whatsApp = /^(?:https?:)?\/\/(?:wa\.me|(?:api\.)?whatsapp\.com)\//i.test(href);
    const raw = whatsApp ? whatsAppNumber(href) : decodeSafely(href.replace(/^[a-z]+:(?:\/\/)?/i, '').split(/[?;]/)[0] ?? '');
    if (!raw) continue;
    const number = parseIn(raw, countries, true);
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

/** Parses a number written on its own (a link, a structured-data value): valid in one of the countries, or merely possible when the markup says it is a phone. */
function parseIn(raw: string, countries: CountryCode[], markedAsPhone: boolean): PhoneNumber | undefined {
  const text = raw.slice(0, 60);
  const tries: Array<CountryCode | undefined> = countries.length > 0 ? countries : [undefined];
  let possible: PhoneNumber | undefined;
  for (const country of tries) {
    const number = parsePhoneNumberFromString(text, { defaultCountry: country });
    if (number?.isValid()) return number;
    if (number?.isPossible()) possible ??= number;
  }
  return markedAsPhone ? possible : undefined;
}

/**
 * Numbers that sites print as placeholders: one digit repeated, a run from the start (123-456-7890), or a
 * North American 555-01XX number (reserved for fiction by NANPA). A run after a real area code ("010-12345678") is left alone: Chinese pages write such numbers.
 */
function isPlaceholder(number: PhoneNumber): boolean {
  const national = number.nationalNumber;
  return /^(\d)\1+$/.test(national) || /^(?:0?12345|98765)/.test(national) || (number.countryCallingCode === '1' && /^\d{3}55501\d{2}$/.test(national));
}

/**
 * Countries whose fixed lines are written nationally with a trunk 0 ("010-…", "(02) 9411…"). A bare run
 * of digits without it is a date or an order number that happens to fit an area code ("2024-03-15 10" is
 * not Guangzhou 20 2403 1510).
 */
const TRUNK_ZERO = new Set(['CN', 'AU', 'NZ', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'SE', 'FI', 'JP', 'KR', 'IN', 'TH', 'MY', 'ID', 'VN', 'TR', 'ZA', 'IL']);

function lacksTrunkPrefix(number: PhoneNumber, raw: string): boolean {
  if (/^\s*(?:\+|00)/.test(raw) || !number.country || !TRUNK_ZERO.has(number.country)) return false;
  const type = number.getType();
  return type !== 'MOBILE' && type !== 'TOLL_FREE' && type !== 'SHARED_COST' && !/^\(?0/.test(raw.trim());
}

/**
 * Numbers in running text that parse as phones but are not: a bare run of fewer than ten digits (a date,
 * an order number: written phones carry separators, a + or a trunk prefix), dates and year ranges, prices
 * ("9.98-14.30万", "$1,299"), and licence numbers ("京ICP备05049539", "京公网安备 11010802000104号", "© 2004-2021").
 */
function looksLikeOtherNumber(raw: string, before: string, after: string): boolean {
  return (
    /^\d{1,9}$/.test(raw) ||
    /^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(raw) ||
    /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(raw) ||
    /^(?:19|20)\d{2}\s*[-–~]\s*(?:19|20)\d{2}$/.test(raw) ||
    /(?:^|[^\d.])\d{1,4}\.\d{1,2}$/.test(raw) ||
    /(?:ICP|备|©|copyright|\(c\)|[$¥€£￥]|rmb|usd|cny|价格|售价|price)\s*$/i.test(before.slice(-16)) ||
    /^\s*(?:元|万|亿|km|kg|mm|cm|%|个|件|次|人|年|月|日)/.test(after.slice(0, 4))
  );
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= 7) return digits;
  }
  return digits;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
