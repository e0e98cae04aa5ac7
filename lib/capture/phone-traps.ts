import type { PhoneNumber } from 'libphonenumber-js/max';

/**
 * Numbers that sites print as placeholders: one digit repeated, a run from the start (123-456-7890), or a
 * North American 555-01XX number (reserved for fiction by NANPA). A run after a real area code
 * ("010-12345678") is left alone: Chinese pages write such numbers.
 */
export function isPlaceholder(number: PhoneNumber): boolean {
  const national = number.nationalNumber;
  return /^(\d)\1+$/.test(national) || /^(?:0?12345|98765)/.test(national) || (number.countryCallingCode === '1' && /^\d{3}55501\d{2}$/.test(national));
}

/**
 * Countries whose fixed lines are written nationally with a trunk 0 ("010-…", "(02) 9411…"). A bare run
 * of digits without it is a date or an order number that happens to fit an area code ("2024-03-15 10" is
 * not Guangzhou 20 2403 1510).
 */
const TRUNK_ZERO = new Set(['CN', 'AU', 'NZ', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'SE', 'FI', 'JP', 'KR', 'IN', 'TH', 'MY', 'ID', 'VN', 'TR', 'ZA', 'IL']);

export function lacksTrunkPrefix(number: PhoneNumber, raw: string): boolean {
  if (/^\s*(?:\+|00)/.test(raw) || !number.country || !TRUNK_ZERO.has(number.country)) return false;
  const type = number.getType();
  return type !== 'MOBILE' && type !== 'TOLL_FREE' && type !== 'SHARED_COST' && !/^\(?0/.test(raw.trim());
}

/**
 * Numbers in running text that parse as phones but are not: a bare run of fewer than ten digits (a date,
 * an order number: written phones carry separators, a + or a trunk prefix), dates and year ranges, prices
 * ("9.98-14.30万", "$1,299"), and licence numbers ("京ICP备05049539", "京公网安备 11010802000104号", "© 2004-2021").
 */
export function looksLikeOtherNumber(raw: string, before: string, after: string): boolean {
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

/** At least seven digits: the fewest a phone number has (checked before anything costlier). */
export function hasSevenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= 7) return true;
  }
  return false;
}
