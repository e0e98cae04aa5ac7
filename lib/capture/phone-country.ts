import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/** Two-letter domains sold worldwide as generic names: they say nothing about where a company is. */
const VANITY_TLDS = new Set(['io', 'co', 'ai', 'me', 'tv', 'cc', 'ly', 'fm', 'gg', 'to', 'ws', 'la', 'sh', 'ac', 'so', 'im', 'vc', 'ms', 'gl', 'tk']);
/** Languages spoken in essentially one country, for pages that declare a language without a region. */
const SINGLE_COUNTRY_LANGUAGES: Record<string, CountryCode> = { zh: 'CN', ja: 'JP', ko: 'KR', vi: 'VN', th: 'TH', he: 'IL', pl: 'PL', cs: 'CZ', uk: 'UA', tr: 'TR' };

/** North American numbers as written: (415) 555-2671, 415-555-2671, 415.555.2671, 1-800-555-2671. */
const NANP_SHAPE = /(?<![\d+])(?:1[-. ])?\(?[2-9]\d{2}\)?[-. ]{1,2}[2-9]\d{2}[-.]\d{4}(?![\d-])/g;
/** Chinese numbers as written: 010-12345678, 0755-1234567, 400-888-9999, 138 1234 5678. */
const CN_SHAPE = /(?<![\d+])(?:0\d{2,3}-\d{7,8}|[48]00-?\d{3}-?\d{4}|1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![\d-])/g;
const HAN = /\p{Script=Han}/gu;
const KANA = /[\u3040-\u30ff]/;
const SCAN_LIMIT = 100_000;

/** The country of a country-code domain (.de, .co.uk), not of a vanity one (.io, .ai). */
export function countryOfDomain(domain: string | null): CountryCode | undefined {
  const tld = domain?.split('.').pop()?.toLowerCase();
  if (!tld || tld.length !== 2 || VANITY_TLDS.has(tld)) return undefined;
  return supported(tld === 'uk' ? 'GB' : tld.toUpperCase());
}

/** The country of a page language with a region (de-CH) or spoken in essentially one country (pl). */
export function countryOfLanguage(lang: string | null): CountryCode | undefined {
  const [language = '', region] = (lang ?? '').toLowerCase().split(/[-_]/);
  if (region && /^[a-z]{2}$/.test(region)) return supported(region.toUpperCase());
  return SINGLE_COUNTRY_LANGUAGES[language];
}

function supported(code: string): CountryCode | undefined {
  return isSupportedCountry(code) ? (code as CountryCode) : undefined;
}

export interface CountrySignals {
  domain: string | null;
  lang: string | null;
  text: string;
  /** Countries named by the page's addresses (structured data and written addresses). */
  addressCountries: string[];
  /** Countries of numbers written with their +country code (tel: links, structured data). */
  internationalCountries: string[];
}

/**
 * The countries whose national formats the page's numbers are most likely written in, best first (at most
 * three). A ccTLD is strong evidence but a .com says nothing, and a CMS's lang="en-gb" is often wrong, so the
 * page's own addresses and the shape of its numbers count too: "(510) 440-1800" is written only in North America.
 */
export function rankCountries(signals: CountrySignals): CountryCode[] {
  const scores = new Map<CountryCode, number>();
  const vote = (code: string | undefined, weight: number) => {
    const country = code ? supported(code.toUpperCase()) : undefined;
    if (country) scores.set(country, (scores.get(country) ?? 0) + weight);
  };
  vote(countryOfDomain(signals.domain), 6);
  vote(countryOfLanguage(signals.lang), 3);
  signals.addressCountries.slice(0, 2).forEach((country) => vote(country, 3));
  signals.internationalCountries.slice(0, 2).forEach((country) => vote(country, 2));

  const sample = signals.text.slice(0, SCAN_LIMIT);
  // Neither shape spans a line break and both have at least ten digits: only lines with seven are searched.
  const numberLines = linesWithSevenDigits(sample);
  vote('US', Math.min(6, distinctCount(numberLines, NANP_SHAPE) * 1.5));
  vote('CN', Math.min(6, distinctCount(numberLines, CN_SHAPE) * 1.5));
  const start = sample.slice(0, 20_000);
  if (hasMoreThan(start, HAN, 50) && !KANA.test(start)) vote('CN', 3);

  const ranked = [...scores.entries()].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1]);
  // Strong evidence first; a single weak signal (one number's shape) is still tried after it.
  return ranked
    .filter(([, score], i) => score >= 1.5 || i === 0)
    .slice(0, 3)
    .map(([country]) => country);
}

function distinctCount(lines: readonly string[], shape: RegExp): number {
  const seen = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(shape)) {
      seen.add(match[0].replace(/\D/g, ''));
      if (seen.size >= 10) return seen.size;
    }
  }
  return seen.size;
}

/** The lines of `text` holding at least seven digits, found in one pass without splitting the whole text. */
function linesWithSevenDigits(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10) {
      if (digits >= 7) lines.push(text.slice(start, i));
      start = i + 1;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      digits++;
    }
  }
  return lines;
}

/** Whether `pattern` (global) matches more than `count` times, without collecting every match. */
function hasMoreThan(text: string, pattern: RegExp, count: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (found <= count && pattern.exec(text)) found++;
  pattern.lastIndex = 0;
  return found > count;
}
