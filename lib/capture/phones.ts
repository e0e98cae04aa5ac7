import { findNumbers, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PhoneEvidence } from '../schema';
import { snippetAround } from './page-text';

const MAX_PHONES = 50;
/** Numbers that sites print as placeholders: all one digit, or a run like 123-456-7890. */
const PLACEHOLDER_DIGITS = /^(\d)\1+$|1234567|0123456|9876543/;

/** The country whose national format the page most likely uses, from the domain's suffix or the page language. */
export function countryHint(domain: string | null, lang: string | null): CountryCode | undefined {
  const tld = domain?.split('.').pop()?.toUpperCase();
  if (tld && /^[A-Z]{2}$/.test(tld)) return (tld === 'UK' ? 'GB' : tld) as CountryCode;
  const region = lang?.split(/[-_]/)[1]?.toUpperCase();
  if (region && /^[A-Z]{2}$/.test(region)) return region as CountryCode;
  if (lang?.toLowerCase().startsWith('zh')) return 'CN';
  return undefined;
}

/**
 * Numbers in running text that parse as phones but are not: a bare run of fewer than ten digits (a date,
 * an order number: written phones carry separators, a + or a trunk prefix), dates, prices ("9.98-14.30万"),
 * and licence numbers ("京ICP备05049539", "京公网安备 11010802000104号", "© 2004-2021").
 */
function looksLikeOtherNumber(raw: string, before: string): boolean {
  return (
    /^\d{1,9}$/.test(raw) ||
    /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(raw) ||
    /\d\.\d{2}/.test(raw) ||
    /(ICP|备|©|copyright|\(c\))\s*$/i.test(before)
  );
}

function isPlaceholder(nationalNumber: string): boolean {
  return PLACEHOLDER_DIGITS.test(nationalNumber);
}

/**
 * Phone numbers from tel: links and the visible text, parsed and validated by libphonenumber-js and
 * written in international format so that the same number found twice is kept once.
 */
export function extractPhones(doc: Document, text: string, country: CountryCode | undefined): PhoneEvidence[] {
  const found = new Map<string, PhoneEvidence>();
  const add = (international: string, evidence: Omit<PhoneEvidence, 'value' | 'kind'>) => {
    if (found.size < MAX_PHONES && !found.has(international)) found.set(international, { value: international, kind: 'phone', ...evidence });
  };
  for (const link of doc.querySelectorAll('a[href^="tel:" i]')) {
    const raw = (link.getAttribute('href') ?? '').slice(4);
    const phone = parsePhoneNumberFromString(raw, { defaultCountry: country });
    if (phone?.isPossible() && !isPlaceholder(phone.nationalNumber)) {
      add(phone.formatInternational(), { source: 'link', snippet: (link.textContent ?? raw).trim().slice(0, 200), confidence: 0.95 });
    }
  }
  // Without a country hint only numbers written with their +country code can be read reliably.
  for (const match of findNumbers(text, { defaultCountry: country, v2: true })) {
    const { number, startsAt, endsAt } = match;
    if (!number.isValid() || isPlaceholder(number.nationalNumber)) continue;
    // A bare run of fewer than ten digits in running text is far more often a date, a licence or an order
    // number ("20210809") than a phone; written phones carry separators, a + or a trunk prefix.
    if (looksLikeOtherNumber(text.slice(startsAt, endsAt), text.slice(Math.max(0, startsAt - 16), startsAt))) continue;
    add(number.formatInternational(), {
      source: 'text',
      snippet: snippetAround(text, startsAt, endsAt - startsAt),
      confidence: country || number.number.startsWith('+') ? 0.8 : 0.6,
    });
  }
  return [...found.values()];
}
