import { findNumbers, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { labelBefore, phoneKind } from '../capture/phone-labels';
import { hasSevenDigits, isPlaceholder, lacksTrunkPrefix, looksLikeOtherNumber } from '../capture/phone-traps';
import { isSignOff, looksLikeChineseName, looksLikeEnglishName, looksLikeTitle } from '../capture/person-names';
import { registrableDomain } from '../domain';
import type { PhoneKind } from '../schema';
import { cleanName } from './addresses';
import { ownText } from './quoted-history';

/** A signature: who wrote the mail and where they work, to turn a sender into a lead and a contact. */
export interface ParsedSignature {
  /** From the signature, else the sender's display name. */
  name: string | null;
  title: string | null;
  company: string | null;
  /** International format ("+86 138 0013 8000"), with the kind their label or numbering plan says. */
  phones: Array<{ value: string; kind: PhoneKind }>;
  website: string | null;
  /** Registrable domain of the website. */
  domain: string | null;
}

export interface SignatureHints {
  senderName?: string | null;
  senderAddress?: string | null;
}

const MAX_BLOCK_LINES = 12;
const MAX_LINE = 160;
const MAX_PHONES = 5;
/** "-- " is the standard signature delimiter (RFC 3676 §4.3); "—" and "__" are how people type it. */
const DELIMITER = /^(?:--|—|__)\s*$/;
const MORE_SIGN_OFFS = /^(?:regards|best|br|cheers|rgds|kind regards|best regards|warm regards|many thanks|祝好|顺祝商祺|順祝商祺|祝商祺|此致敬礼|此致|敬礼|谢谢|謝謝|多谢|感谢)[\s,，.!！。]*$/i;
const PARTS = /\s*[|｜•·]\s*|\s{2,}|\s+[-–—]\s+/;
const LABELLED = {
  name: /^(?:姓名|name)\s*[:：]\s*(.+)$/i,
  title: /^(?:职位|職位|职务|職務|title|position)\s*[:：]\s*(.+)$/i,
  company: /^(?:公司(?:名称)?|單位|单位|company)\s*[:：]\s*(.+)$/i,
  website: /^(?:(?:网址|網址|网站|網站|官网|官網|web(?:site)?|url|homepage)\s*[:：]?|w\s*[:：])\s*(\S+)$/i,
  skip: /^(?:地址|addr(?:ess)?|邮箱|郵箱|e-?mail|邮编|qq|skype)\s*[:：]/i,
};
const COMPANY = /(?:\b(?:inc|llc|ltd|gmbh|ag|corp|corporation|company|co|plc|limited|pty|s\.?a|b\.?v|srl|sas|s\.?r\.?l|oy|ab|kk|k\.k)\b\.?|有限公司|有限責任公司|股份公司|集团|集團|公司|工厂|工廠|研究院|事务所|事務所|株式会社)\s*$/i;
const LEGAL_SUFFIX_ONLY = /^(?:inc|llc|ltd|co|corp|gmbh|ag|plc|limited|s\.?a|b\.?v)\.?$/i;
const WEBSITE = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?:\/\S*)?$/i;

/**
 * Reads the signature at the end of the sender's own text (quoted history cut off): after "-- " or a
 * sign-off ("Best regards,", "此致", "祝好"), else the last lines. Each line is split on "|", "·" and wide
 * gaps ("张伟 | 采购经理"); parts are read as name, title, company, phone or website by the extractor's own
 * rules (lib/capture person-names, phone-labels, phone-traps). Null when no part reads as any of them.
 */
export function parseSignature(bodyText: string, hints: SignatureHints = {}): ParsedSignature | null {
  const block = signatureBlock(ownText(bodyText.slice(0, 50_000)));
  const senderName = cleanName(hints.senderName ?? null, hints.senderAddress ?? undefined);
  const result: ParsedSignature = { name: null, title: null, company: null, phones: [], website: null, domain: null };
  const countries = likelyCountries(hints.senderAddress ?? null, block.join('\n'));
  let titleLine = -1;

  block.forEach((line, index) => {
    if (hasSevenDigits(line)) readPhones(line, countries, result.phones);
    for (const part of fragments(line)) {
      if (LABELLED.skip.test(part) || part.includes('@')) continue;
      const labelled = (pattern: RegExp) => pattern.exec(part)?.[1]?.trim();
      const website = websiteOf(labelled(LABELLED.website) ?? part);
      if (website) {
        if (!result.website) Object.assign(result, website);
        continue;
      }
      if (hasSevenDigits(part)) continue;
      const company = labelled(LABELLED.company) ?? (COMPANY.test(part) && part.length <= 80 ? part : undefined);
      if (company) {
        result.company ??= company;
        continue;
      }
      const title = labelled(LABELLED.title) ?? (looksLikeTitle(part) ? part : undefined);
      if (title) {
        if (!result.title) {
          result.title = title;
          titleLine = index;
        }
        continue;
      }
      if (!result.name && index < 4) result.name = labelled(LABELLED.name) ?? nameIn(part, senderName);
    }
  });
  // "Acme Robotics" under the title, without a legal suffix: the line right below a title names the employer.
  const below = titleLine >= 0 ? block[titleLine + 1] : undefined;
  if (!result.company && below && isBareCompanyLine(below)) result.company = below.trim();
  if (!result.name && !result.title && !result.company && result.phones.length === 0 && !result.website) return null;
  result.name ??= senderName;
  return result;
}

/** The lines of the signature: after the last delimiter or sign-off, else the last lines of the text. */
function signatureBlock(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim()).filter(Boolean).slice(-40);
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) {
    const line = lines[i]!;
    if (DELIMITER.test(line) || isSignOff(line) || MORE_SIGN_OFFS.test(line)) start = i + 1;
  }
  if (start < 0) {
    // No delimiter or sign-off: the trailing run of short lines that are not sentences.
    start = lines.length;
    while (start > 0 && lines.length - start < 8 && !isProse(lines[start - 1]!)) start--;
  }
  return lines.slice(start, start + MAX_BLOCK_LINES).filter((line) => line.length <= MAX_LINE);
}

/** A sentence, not a signature line: long, or ending like one ("…by March.", "…报价单。"); "Co., Ltd." is not. */
function isProse(line: string): boolean {
  return line.length > 60 || /[。！？!?]$|\p{Ll}{3,}\.$/u.test(line);
}

/**
 * The parts of a line: split on "|", "·", wide gaps and " - ", then on commas ("Jane Doe, Head of
 * Procurement"), a bare legal suffix staying with its name ("Acme, Inc.").
 */
function fragments(line: string): string[] {
  const parts: string[] = [];
  for (const piece of line.split(PARTS)) {
    for (const raw of piece.split(/\s*[,，;；]\s*/)) {
      const part = raw.trim();
      if (!part) continue;
      if (parts.length > 0 && LEGAL_SUFFIX_ONLY.test(part)) parts[parts.length - 1] += `, ${part}`;
      else parts.push(part);
    }
  }
  return parts;
}

/** A website part ("www.acme.de", "网址：http://xinghe-tech.cn/en"), when its host has a public suffix. */
function websiteOf(part: string): Pick<ParsedSignature, 'website' | 'domain'> | null {
  if (!WEBSITE.test(part) || /^\d/.test(part)) return null;
  const domain = registrableDomain(/^https?:\/\//i.test(part) ? part : `https://${part}`);
  return domain ? { website: part, domain } : null;
}

/** The sender's display name when the part repeats it, else a part shaped like a name ("Jane Doe", "张伟"). */
function nameIn(part: string, senderName: string | null): string | null {
  if (senderName && part.toLowerCase() === senderName.toLowerCase()) return part;
  return looksLikeEnglishName(part) || looksLikeChineseName(part) ? part : null;
}

function isBareCompanyLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= 2 && trimmed.length <= 60 && !/[@\d:：]/.test(trimmed) && !PARTS.test(trimmed) && !looksLikeTitle(trimmed) && !WEBSITE.test(trimmed);
}

function readPhones(line: string, countries: Array<CountryCode | undefined>, into: ParsedSignature['phones']): void {
  for (const country of countries) {
    let found = false;
    for (const { number, startsAt, endsAt } of findNumbers(line.slice(0, MAX_LINE), { defaultCountry: country, v2: true })) {
      const raw = line.slice(startsAt, endsAt);
      const before = line.slice(0, startsAt);
      const international = /\+\s*$/.test(before) || raw.startsWith('+');
      if (!international && lacksTrunkPrefix(number, raw)) continue;
      if (isPlaceholder(number) || looksLikeOtherNumber(raw, before, line.slice(endsAt))) continue;
      const label = labelBefore(before.slice(-40));
      if (label === 'other') continue;
      found = true;
      if (into.length < MAX_PHONES && !into.some((phone) => phone.value === number.formatInternational())) {
        into.push({ value: number.formatInternational(), kind: phoneKind(label, number.getType()) });
      }
    }
    if (found) return;
  }
}

/** The sender's ccTLD country ("acme.de" -> DE), China when the signature is in Chinese, then none (needs a +). */
function likelyCountries(address: string | null, text: string): Array<CountryCode | undefined> {
  const countries: Array<CountryCode | undefined> = [];
  const tld = address?.split('.').pop()?.toUpperCase();
  const fromDomain = tld === 'UK' ? 'GB' : tld;
  if (fromDomain && fromDomain.length === 2 && isSupportedCountry(fromDomain)) countries.push(fromDomain);
  if (/\p{Script=Han}/u.test(text) && !countries.includes('CN')) countries.push('CN');
  countries.push(undefined);
  return countries;
}
