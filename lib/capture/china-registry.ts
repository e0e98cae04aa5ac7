import type { TextEvidence } from '../schema';
import { snippetAround } from './page-text';

/**
 * China's ICP filing or licence line (京ICP备05049539号-1, 京ICP证030173号): the province's one-character
 * abbreviation, "ICP", 备 (filing) or 证 (licence), the number, and an optional site sequence.
 */
const ICP_LINE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s*ICP\s*[备证]\s*\d{6,10}\s*号?(?:\s*-\s*\d{1,3})?/gu;

/** The 31 characters a unified social credit code may use: digits and capitals without I, O, S, V, Z (GB 32100-2015). */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the first 17 characters: 3^i mod 31 (GB 32100-2015, section 5). */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_LABEL = /(?:统一社会信用代码|社会信用代码|信用代码|unified social credit code|USCC)\s*(?:\([^)]{0,10}\)|（[^）]{0,10}）)?\s*[:：]?\s*([0-9A-Za-z]{18})(?![0-9A-Za-z])/giu;
const CREDIT_CODE_SHAPE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
const MAX_MATCHES = 200;

/** Registration authority and type, a 6-digit division code, then ten characters of the alphabet. */
const CREDIT_CODE_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** True when an 18-character code has the code's format and its last character is the right check character. */
export function isValidCreditCode(code: string): boolean {
  if (!CREDIT_CODE_FORMAT.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(code[i]!);
    if (value < 0) return false;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return code[17] === CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Characters 9-17 of a credit code are the older organization code with its own check character
 * (GB 11714-1997: weights 3 7 9 10 5 8 4 2, mod 11, 10 written X). A second, independent check for codes
 * printed without their label.
 */
export function hasValidOrganizationCode(code: string): boolean {
  const organization = code.slice(8, 17);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = organization[i]!;
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const check = (11 - (sum % 11)) % 11;
  return organization[8] === (check === 10 ? 'X' : String(check));
}

export function readIcpLicense(text: string): TextEvidence | undefined {
  let last: RegExpExecArray | undefined;
  let count = 0;
  ICP_LINE.lastIndex = 0;
  // Sites print the line in the footer; the last one on the page is the site's own.
  for (let match = ICP_LINE.exec(text); match && count < MAX_MATCHES; match = ICP_LINE.exec(text), count++) last = match;
  if (!last) return undefined;
  const inFooter = last.index > text.length * 0.7;
  return {
    value: last[0].replace(/\s+/g, ''),
    source: inFooter ? 'footer' : 'text',
    snippet: snippetAround(text, last.index, last[0].length),
    confidence: 0.95,
  };
}

/**
 * The unified social credit code (统一社会信用代码), only when its check character is right: next to its label,
 * or, unlabelled, when its embedded organization code checks out too (two independent checks).
 */
export function readCreditCode(text: string): TextEvidence | undefined {
  CREDIT_CODE_LABEL.lastIndex = 0;
  let count = 0;
  for (let match = CREDIT_CODE_LABEL.exec(text); match && count < MAX_MATCHES; match = CREDIT_CODE_LABEL.exec(text), count++) {
    const code = match[1]!.toUpperCase();
    if (isValidCreditCode(code)) return { value: code, source: 'text', snippet: snippetAround(text, match.index, match[0].length), confidence: 0.95 };
  }
  CREDIT_CODE_SHAPE.lastIndex = 0;
  count = 0;
  for (let match = CREDIT_CODE_SHAPE.exec(text); match && count < MAX_MATCHES; match = CREDIT_CODE_SHAPE.exec(text), count++) {
    const code = match[0];
    if (isValidCreditCode(code) && hasValidOrganizationCode(code)) {
      return { value: code, source: 'text', snippet: snippetAround(text, match.index, code.length), confidence: 0.7 };
    }
  }
  return undefined;
}
