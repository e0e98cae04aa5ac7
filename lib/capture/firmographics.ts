import type { CaptureFields } from '../schema';
import { amountOf, currencyCode, MULTIPLIER_PATTERN } from './money';
import type { StructuredOrganization } from './organization-record';
import { snippetAround } from './page-text';

export type Firmographics = Pick<CaptureFields, 'foundingYear' | 'employees' | 'revenue' | 'registeredCapital'>;

const YEAR = '(1[6-9]\\d\\d|2[01]\\d\\d)';
/** "founded in 1998", "established 1998", "Est. 1998", "成立于2005年", "2005年成立". */
const FOUNDED = [
  new RegExp(`\\b(?:founded|established|incorporated|formed)\\s*(?:in|on|:)?\\s*(?:[A-Z][a-z]{2,8}\\.?\\s+)?(?:\\d{1,2},?\\s+)?${YEAR}\\b`, 'i'),
  new RegExp(`\\best\\.?\\s*(?:in\\s+)?${YEAR}\\b`, 'i'),
  new RegExp(`(?:成立|创立|创建|创办|始创|始建|注册成立|组建)(?:于|在|时间|日期)?\\s*[:：]?\\s*${YEAR}\\s*(?:年|[-./])`, 'u'),
  new RegExp(`${YEAR}\\s*年(?:\\d{1,2}\\s*月)?(?:\\d{1,2}\\s*日)?\\s*(?:成立|创立|创建|创办|注册成立|组建)`, 'u'),
];
/**
 * "Since 1977, First California Mortgage has..." at the start of a sentence, or after what a company does:
 * "serving Ohio since 1962", "automating warehouses since 2009". Not after anything else ("the fastest pace
 * since 2008", "a customer since 2010").
 */
const SINCE_AFTER = [
  'business', 'serving', 'operating', 'trading', 'family[- ]owned', 'providing', 'helping', 'trusted', 'proudly',
  'automating', 'building', 'making', 'manufacturing', 'designing', 'developing', 'producing', 'supplying',
  'delivering', 'distributing', 'exporting', 'importing', 'installing', 'engineering', 'crafting', 'innovating',
  'creating', 'selling', 'offering', 'connecting', 'powering', 'protecting', 'supporting', 'leading',
].join('|');
const SINCE = new RegExp(
  `(?:^|[.!?。]\\s+|\\n|\\b(?:${SINCE_AFTER})(?:\\s+[\\w&'-]+){0,3}\\s+)since\\s+${YEAR}\\b`,
  'i',
);

const COUNT = '(\\d{1,3}(?:,\\d{3})+|\\d{1,12}(?:\\.\\d{1,6})?\\s*[kK](?![\\p{L}])|\\d{1,12})';
const RANGE = `${COUNT}\\s*(?:-|–|to)\\s*${COUNT}`;
const QUALIFIER = '(over|more than|nearly|approximately|approx\\.?|about|around|almost|some|roughly|up to)?\\s*';
/** "500+ employees", "51-200 employees", "over 2,000 staff", "employs 300 people", "员工2000余人", "2000多名员工". */
const EMPLOYEES: Array<[RegExp, (match: RegExpExecArray) => Headcount | undefined]> = [
  [new RegExp(`(?<![%\\d])${QUALIFIER}(?:${RANGE}|${COUNT}(\\+)?)\\s*\\+?\\s*(?:full[- ]time\\s+)?(?:employees|staff(?:\\s+members)?|team members|associates|workers)\\b`, 'iu'), englishHeadcount],
  [new RegExp(`\\b(?:employs|employing|workforce of|team of|staff of|headcount of)\\s+${QUALIFIER}(?:${RANGE}|${COUNT}(\\+)?)\\s*\\+?\\s*(?:people|persons|employees|staff|professionals|experts)?`, 'iu'), englishHeadcount],
  [new RegExp(`\\b(?:employees|company size|staff|headcount)\\s*[:：]\\s*${QUALIFIER}(?:${RANGE}|${COUNT}(\\+)?)`, 'iu'), englishHeadcount],
  [new RegExp(`(?:员工|职工|雇员|从业人员)(?:总数|人数)?\\s*[:：]?\\s*(约|近|超过|超|逾|达|已达|有|共|总计|现有)?\\s*(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(万)?\\s*(余|多)?\\s*(?:人|名)`, 'u'), chineseHeadcount],
  [new RegExp(`(约|近|超过|超|逾|拥有|现有|共有)?\\s*(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(万)?\\s*(余|多)?\\s*名(?:正式)?(?:员工|职工|雇员)`, 'u'), chineseHeadcount],
];

/** A word each EMPLOYEES pattern contains (same flags, so that case folding matches alike). */
const EMPLOYEE_WORD = /employ|staff|team members|associates|workers|workforce|team of|headcount|company size|员工|职工|雇员|从业人员/iu;

const MONEY = `(us\\$|hk\\$|a\\$|au\\$|c\\$|ca\\$|s\\$|nt\\$|usd|eur|gbp|rmb|cny|\\$|€|£|¥|￥)\\s*(\\d{1,12}(?:[.,]\\d{1,6}){0,4})\\s*(${MULTIPLIER_PATTERN}(?![\\p{L}]))?`;
/** "annual revenue of $2.3 billion", "sales of over US$50 million", "年营业额超过5亿元". */
const REVENUE = [
  new RegExp(`\\b(?:annual\\s+)?(?:revenues?|sales|turnover)\\s+(?:of|exceeding|exceeded|exceeds|reached|topped|totall?ing|totall?ed|over|:)?\\s*(?:over|more than|approximately|about|nearly|almost)?\\s*${MONEY}`, 'iu'),
  new RegExp(`(?:年营业额|营业额|营业收入|年营收|营收|年销售额|销售额|销售收入|年产值)\\s*[:：]?\\s*(?:约|近|超过|超|逾|达|已达|突破|为)?\\s*(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(${MULTIPLIER_PATTERN})?\\s*(美元|港元|欧元|人民币|元)`, 'u'),
];
/**
 * A word the pattern cannot match without, tested first: these patterns start with optional parts or a
 * digit, so ruling them out costs a step at every character of the page, while a word is found or not
 * found quickly. Same flags as the pattern, so that case folding matches alike.
 */
const WORD_NEEDED = new Map<RegExp, RegExp>([
  [FOUNDED[0]!, /founded|established|incorporated|formed/i],
  [FOUNDED[3]!, /成立|创立|创建|创办|组建/u],
  [SINCE, /since/i],
  [REVENUE[0]!, /revenue|sales|turnover/iu],
]);
/** "注册资本5000万元", "注册资金：人民币1亿元", "registered capital of RMB 50 million". */
const REGISTERED_CAPITAL = [
  new RegExp(`注册(?:资本|资金)\\s*(?:为|[:：])?\\s*(人民币|美元|港元)?\\s*(\\d{1,12}(?:[.,]\\d{1,6}){0,4})\\s*(${MULTIPLIER_PATTERN})?\\s*(美元|港元|欧元|人民币|元)?`, 'u'),
  new RegExp(`\\bregistered capital\\s*(?:of|:)?\\s*${MONEY}`, 'iu'),
];

/** Founding year, headcount, revenue and registered capital: structured data first, then the page's own words. */
export function readFirmographics(text: string, organization: StructuredOrganization | undefined): Firmographics {
  return {
    foundingYear: foundingYear(text, organization),
    employees: employees(text, organization),
    revenue: revenue(text),
    registeredCapital: registeredCapital(text),
  };
}

const thisYear = () => new Date().getFullYear();

function foundingYear(text: string, organization: StructuredOrganization | undefined): Firmographics['foundingYear'] {
  const structured = organization?.foundingDate && /\b(1[6-9]\d\d|2[01]\d\d)\b/.exec(organization.foundingDate);
  if (organization && structured && Number(structured[1]) <= thisYear()) {
    return { value: Number(structured[1]), source: organization.source, snippet: `foundingDate: ${organization.foundingDate}`, confidence: 0.95 };
  }
  for (const [patterns, confidence] of [[FOUNDED, 0.75], [[SINCE], 0.55]] as const) {
    for (const pattern of patterns) {
      if (WORD_NEEDED.get(pattern)?.test(text) === false) continue;
      const match = pattern.exec(text);
      const year = match && Number(match.slice(1).find(Boolean));
      if (match && year && year <= thisYear()) {
        return { value: year, source: 'text', snippet: snippetAround(text, match.index, match[0].length), confidence };
      }
    }
  }
  return undefined;
}

function employees(text: string, organization: StructuredOrganization | undefined): Firmographics['employees'] {
  const structured = organization?.numberOfEmployees && parseHeadcount(organization.numberOfEmployees);
  if (organization?.numberOfEmployees && structured) {
    return { value: { ...structured, text: organization.numberOfEmployees.slice(0, 200) }, source: organization.source, snippet: `numberOfEmployees: ${organization.numberOfEmployees}`, confidence: 0.9 };
  }
  // Every pattern needs one of these words; most pages have none, and the patterns are slow to rule out.
  if (!EMPLOYEE_WORD.test(text)) return undefined;
  for (const [pattern, headcountOf] of EMPLOYEES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const count = headcountOf(match);
    if (count) return { value: { ...count, text: match[0].trim().slice(0, 200) }, source: 'text', snippet: snippetAround(text, match.index, match[0].length), confidence: 0.65 };
  }
  return undefined;
}

interface Headcount {
  min: number;
  max: number | null;
}

const MAX_HEADCOUNT = 5_000_000;

function countOf(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const thousands = /k$/i.test(raw.trim());
  const value = Number(raw.replace(/[,\sk]/gi, '')) * (thousands ? 1000 : 1);
  return Number.isFinite(value) && value > 0 && value <= MAX_HEADCOUNT ? Math.round(value) : undefined;
}

/** Groups: qualifier, range low, range high, single count, "+". */
function englishHeadcount(match: RegExpExecArray): Headcount | undefined {
  const [, qualifier, low, high, single, plus] = match;
  if (low && high) {
    const min = countOf(low);
    const max = countOf(high);
    return min !== undefined && max !== undefined && max >= min ? { min, max } : undefined;
  }
  const count = countOf(single);
  if (count === undefined) return undefined;
  const open = Boolean(plus) || /\+/.test(match[0]) || /^(over|more than)$/i.test(qualifier ?? '');
  return { min: count, max: open ? null : count };
}

/** Groups: qualifier, number, 万, 余/多 (first pattern) or the same order (second). */
function chineseHeadcount(match: RegExpExecArray): Headcount | undefined {
  const [, qualifier, number, tenThousand, more] = match;
  const count = countOf(number) && Math.round(Number(number) * (tenThousand ? 10_000 : 1));
  if (!count || count > MAX_HEADCOUNT) return undefined;
  const open = Boolean(more) || /^(超过|超|逾)$/.test(qualifier ?? '');
  return { min: count, max: open ? null : count };
}

/** "51-200" or "500+" or "1000" as structured data writes numberOfEmployees. */
function parseHeadcount(raw: string): Headcount | undefined {
  const range = /^(\d[\d,]*)\s*[-–]\s*(\d[\d,]*)$/.exec(raw.trim());
  if (range) {
    const min = countOf(range[1]);
    const max = countOf(range[2]);
    return min !== undefined && max !== undefined && max >= min ? { min, max } : undefined;
  }
  const single = /^(\d[\d,]*)\s*(\+)?$/.exec(raw.trim());
  const count = countOf(single?.[1]);
  return count === undefined ? undefined : { min: count, max: single?.[2] ? null : count };
}

function revenue(text: string): Firmographics['revenue'] {
  const english = WORD_NEEDED.get(REVENUE[0]!)!.test(text) ? REVENUE[0]!.exec(text) : null;
  if (english) {
    const [, symbol, number, multiplier] = english;
    const amount = amountOf(number!, multiplier);
    // "sales of $50 or more ship free" is a price; a company's revenue runs to six figures at least.
    if (amount && amount >= 100_000) return moneyEvidence(text, english, amount, currencyCode(symbol, 'USD'));
  }
  const chinese = REVENUE[1]!.exec(text);
  if (chinese) {
    const [, number, multiplier, currency] = chinese;
    const amount = amountOf(number!, multiplier);
    if (amount) return moneyEvidence(text, chinese, amount, currencyCode(currency, 'CNY'));
  }
  return undefined;
}

function registeredCapital(text: string): Firmographics['registeredCapital'] {
  const chinese = REGISTERED_CAPITAL[0]!.exec(text);
  if (chinese) {
    const [, before, number, multiplier, after] = chinese;
    const amount = amountOf(number!.replace(/,(?=\d{3}\b)/g, ''), multiplier);
    // "万美元": the currency follows the multiplier; "人民币5000万元": it leads.
    const currency = currencyCode(after && after !== '元' ? after : before, 'CNY');
    if (amount) return moneyEvidence(text, chinese, amount, currency);
  }
  const english = REGISTERED_CAPITAL[1]!.exec(text);
  if (english) {
    const [, symbol, number, multiplier] = english;
    const amount = amountOf(number!, multiplier);
    if (amount) return moneyEvidence(text, english, amount, currencyCode(symbol, 'USD'));
  }
  return undefined;
}

function moneyEvidence(text: string, match: RegExpExecArray, amount: number, currency: string) {
  return {
    value: { amount, currency, text: match[0].trim().slice(0, 200) },
    source: 'text' as const,
    snippet: snippetAround(text, match.index, match[0].length),
    confidence: 0.7,
  };
}
