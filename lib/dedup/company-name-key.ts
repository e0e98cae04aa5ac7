import { CN_PLACE_NAMES } from '../enrich';

/** Legal-form words at the end of a name, longest first so "股份有限公司" goes before "有限公司". */
const CHINESE_SUFFIXES = ['集团股份有限公司', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司', '集团', '公司'];
const LATIN_SUFFIX =
  /[\s,.]*\b(co\.?,?\s*ltd|company\s+limited|corporation|incorporated|limited|company|corp|inc|ltd|llc|l\.l\.c|plc|gmbh(\s*&\s*co\.?\s*kg)?|ag|kg|s\.?a\.?s?|s\.?a\.?r\.?l|s\.?p\.?a|s\.?r\.?l|b\.?v|n\.?v|pty(\s*ltd)?|pte(\s*ltd)?|oy|ab|k\.?k|group|holdings?|co)\.?$/iu;
/** A place written before a Chinese name: "深圳市", "广东省深圳市", "北京". */
const PLACE_PREFIX = new RegExp(`^(${[...CN_PLACE_NAMES].sort((a, b) => b.length - a.length).join('|')})(省|市|自治区|特别行政区)?`, 'u');
/** "(中国)", "（上海）", "(China)": the branch's place, not part of the company's name. */
const BRACKETED = /[(（[【][^)）\]】]{0,30}[)）\]】]/gu;
const MIN_HAN = 2;
const MIN_LATIN = 3;

/**
 * A company name reduced for matching, so that one company written two ways compares equal:
 * "ACME Robotics GmbH" and "Acme Robotics, Inc." -> "acmerobotics"; "深圳市华瑞电子科技有限公司" and
 * "华瑞电子科技（深圳）有限公司" -> "华瑞电子科技". Case, full/half width (NFKC), legal forms, a leading place
 * and bracketed places are ignored. Null when too little is left to tell companies apart.
 */
export function companyNameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let text = name.normalize('NFKC').toLowerCase().replace(BRACKETED, ' ').trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    text = text.replace(LATIN_SUFFIX, '').trim();
    const suffix = CHINESE_SUFFIXES.find((s) => text.endsWith(s));
    if (suffix) text = text.slice(0, -suffix.length).trim();
    if (text === before) break;
  }
  // "广东省深圳市…": a province and a city. "北京银行" keeps its place: "银行" would name no one company.
  for (let place = 0; place < 2; place++) {
    const withoutPlace = text.replace(PLACE_PREFIX, '');
    if (withoutPlace === text || countHan(withoutPlace) <= MIN_HAN) break;
    text = withoutPlace;
  }
  const key = text.replace(/[^\p{L}\p{N}]+/gu, '');
  const han = countHan(key);
  return han >= MIN_HAN || (han === 0 && key.length >= MIN_LATIN) || key.length >= MIN_LATIN + 1 ? key : null;
}

/** The keys a lead is found under for duplicate checks: its name and its legal name. */
export function companyNameKeys(...names: Array<string | null | undefined>): string[] {
  return [...new Set(names.map(companyNameKey).filter((key): key is string => key !== null))];
}

function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
