import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

const MASK = '****';
const CN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A phone number as shared/domain.md §7 keeps contacts' numbers: the area code and the last four digits
 * ("+86 10 6608 5566" -> "010-****5566", "13800138000" -> "138****8000", "+1 415 555 0134" -> "+1 415 ****0134").
 * A number that is already masked is returned as it is.
 */
export function maskPhone(phone: string): string {
  if (phone.includes('*')) return phone;
  const parsed = parse(phone);
  if (!parsed) return maskUnparsed(phone);
  const national = parsed.nationalNumber;
  const last4 = national.slice(-4);
  if (parsed.countryCallingCode === '86') {
    if (CN_MOBILE.test(national)) return `${national.slice(0, 3)}${MASK}${last4}`;
    if (/^[48]00/.test(national)) return `${national.slice(0, 3)}-${MASK}${last4}`;
    const area = /^(10|2\d)/.test(national) ? national.slice(0, 2) : national.slice(0, 3);
    return `0${area}-${MASK}${last4}`;
  }
  // "+44 20 7084 1810": the group after the country code is the area (or mobile prefix) as the country writes it.
  const groups = parsed.formatInternational().split(' ');
  const area = groups.length > 3 || (groups.length === 3 && groups[1]!.length < national.length - 4) ? ` ${groups[1]}` : '';
  return `+${parsed.countryCallingCode}${area} ${MASK}${last4}`;
}

/**
 * Whether a number is someone's own rather than the company's line: a mobile (the extractor's kind, or the
 * shape of a Chinese or otherwise recognisable mobile number). Landlines, fax and 400/800 lines are published
 * switchboards and are kept whole.
 */
export function isPersonalNumber(phone: string, kind?: string): boolean {
  if (kind === 'mobile') return true;
  if (kind === 'fax' || kind === 'toll_free') return false;
  const parsed = parse(phone);
  if (!parsed) return false;
  if (parsed.countryCallingCode === '86') return CN_MOBILE.test(parsed.nationalNumber);
  return parsed.getType() === 'MOBILE';
}

/** Masks, inside free text (a snippet, a page's text), every written form of the given numbers. */
export function maskNumbersInText(text: string, phones: readonly string[]): string {
  return numberMasker(phones)(text);
}

/** A function masking the given numbers in texts, for masking many texts with the patterns built once. */
export function numberMasker(phones: readonly string[]): (text: string) => string {
  const patterns = phones.flatMap((phone) => {
    const national = parse(phone)?.nationalNumber ?? phone.replace(/\D/g, '');
    // The digits as a page may write them: "+86 138-0013-8000", "(0)138 0013 8000", "13800138000".
    return national.length < 7 ? [] : [{ national, pattern: new RegExp(`(?<!\\d)(?:\\+?\\d{1,3}[\\s.-]*)?(?:\\(0\\)\\s*|0)?${[...national].join('[\\s().-]{0,2}')}(?!\\d)`, 'g') }];
  });
  return (text) => {
    if (patterns.length === 0 || !/\d{3}/.test(text)) return text;
    // A written form has only separators between the digits, so a text whose digits do not run through the number
    // cannot hold it: one pass over the text spares a regular expression per number on most snippets.
    const digits = text.replace(/\D+/g, '');
    return patterns.reduce((masked, { national, pattern }) => (digits.includes(national) ? masked.replace(pattern, (match) => maskPhone(match)) : masked), text);
  };
}

/** International numbers as written; a national one is read as Chinese only when it is a valid Chinese number. */
/**
 * Parsed numbers, by their text: one save masks the same few numbers in the lead, its contacts and the
 * capture's evidence, and parsing is the costly part. Bounded, and emptied when full.
 */
const parsedNumbers = new Map<string, PhoneNumber | undefined>();
const MAX_PARSED = 1_000;

function parse(phone: string): PhoneNumber | undefined {
  if (parsedNumbers.has(phone)) return parsedNumbers.get(phone);
  if (parsedNumbers.size >= MAX_PARSED) parsedNumbers.clear();
  const parsed = parseUncached(phone);
  parsedNumbers.set(phone, parsed);
  return parsed;
}

function parseUncached(phone: string): PhoneNumber | undefined {
  const trimmed = phone.trim();
  if (trimmed.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(trimmed);
    return parsed?.isPossible() ? parsed : undefined;
  }
  const parsed = parsePhoneNumberFromString(trimmed, 'CN');
  return parsed?.isValid() ? parsed : undefined;
}

/** Without a parse: keep a leading area group ("010-", "(415)") when it is short, and the last four digits. */
function maskUnparsed(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone;
  const area = /^\s*(\(?\+?\d{2,4}\)?)[\s-]/.exec(phone)?.[1];
  return `${area ? `${area}-` : ''}${MASK}${digits.slice(-4)}`;
}
