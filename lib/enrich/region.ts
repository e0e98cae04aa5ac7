import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { AddressEvidence, CompanyCapture, Suggestion } from '../schema';
import { formatCnPlace, placeInText, placeOfDivision, placeOfNationalNumber } from './cn-divisions';
import type { EnrichmentProvider } from './provider';

/**
 * The company's region (区域), most reliable source first: a postal address on the page, the registration
 * place in its credit code, the area code of its Chinese landlines, and last the country of its phone numbers
 * or of its domain. Chinese places are written in Chinese ("广东 深圳"), others as the page writes them
 * with the country code ("NSW, AU").
 */
export function suggestRegion(capture: CompanyCapture): Suggestion | null {
  return fromAddresses(capture.fields.addresses) ?? fromCreditCode(capture) ?? fromAreaCodes(capture) ?? fromCountry(capture);
}

/** Where the company is registered, from the division code inside its unified social credit code. */
export function suggestRegisteredLocation(capture: CompanyCapture): Suggestion | null {
  const code = capture.fields.creditCode;
  const place = code ? placeOfDivision(code.value.slice(2, 8)) : null;
  if (!code || !place) return null;
  return { field: 'registeredLocation', value: formatCnPlace(place), confidence: 0.9, provider: 'region', evidence: { basis: 'creditCode', snippet: code.value } };
}

function fromAddresses(addresses: readonly AddressEvidence[]): Suggestion | null {
  const address = [...addresses].sort((a, b) => b.confidence - a.confidence)[0];
  if (!address) return null;
  const { country, region, city, full } = address.value;
  const chinese = country === 'CN' || country === '中国' || /\p{Script=Han}/u.test(full);
  if (chinese) {
    const place = placeInText([region, city, full].filter(Boolean).join(' '));
    if (place) return region_(formatCnPlace(place), 0.85 * address.confidence, 'address', full);
  }
  const label = [region ?? city, country].filter(Boolean).join(', ');
  return label ? region_(label, 0.8 * address.confidence, 'address', full) : null;
}

function fromCreditCode(capture: CompanyCapture): Suggestion | null {
  const registered = suggestRegisteredLocation(capture);
  return registered?.field === 'registeredLocation' ? region_(registered.value, 0.7, 'creditCode', registered.evidence.snippet) : null;
}

/** The place most of the company's Chinese landlines (and faxes) are in. */
function fromAreaCodes(capture: CompanyCapture): Suggestion | null {
  const votes = new Map<string, { count: number; phone: string }>();
  for (const phone of capture.fields.phones) {
    if (phone.kind === 'mobile' || phone.kind === 'toll_free') continue;
    const parsed = parsePhoneNumberFromString(phone.value);
    if (parsed?.countryCallingCode !== '86') continue;
    const place = placeOfNationalNumber(parsed.nationalNumber);
    if (!place) continue;
    const label = formatCnPlace(place);
    const vote = votes.get(label) ?? { count: 0, phone: phone.value };
    vote.count++;
    votes.set(label, vote);
  }
  const [label, vote] = [...votes.entries()].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
  return label && vote ? region_(label, 0.6, 'phoneAreaCode', vote.phone) : null;
}

/** Only the country: from the phones' country codes, else a country-code domain (.de, .com.au). */
function fromCountry(capture: CompanyCapture): Suggestion | null {
  for (const phone of capture.fields.phones) {
    const country = parsePhoneNumberFromString(phone.value)?.country;
    if (country) return region_(country, 0.35, 'phoneCountryCode', phone.value);
  }
  const tld = capture.domain?.split('.').pop()?.toUpperCase();
  if (tld && /^[A-Z]{2}$/.test(tld)) return region_(tld === 'UK' ? 'GB' : tld, 0.3, 'domain', capture.domain!);
  return null;
}

function region_(value: string, confidence: number, basis: string, snippet: string): Suggestion {
  return { field: 'region', value: value.slice(0, 300), confidence: Math.round(confidence * 100) / 100, provider: 'region', evidence: { basis, snippet: snippet.slice(0, 500) } };
}

export const regionProvider: EnrichmentProvider = {
  id: 'region',
  fields: ['region', 'registeredLocation'],
  suggest: ({ capture }) => [suggestRegion(capture), suggestRegisteredLocation(capture)].filter((s): s is Suggestion => s !== null),
};
