import { Calendar, DAY_MS } from './calendar';

/** A stated decision time: the last instant the customer's words allow for it. */
export interface TimelineStatement {
  at: number;
  phrase: string;
}

export interface TimelineReading {
  deadlines: TimelineStatement[];
  /** "no rush", "不急", "just looking": a known answer that earns no urgency. */
  notUrgent: string | null;
  /** "TBD", "待定": no answer yet, so still worth asking. */
  undecided: string | null;
}

/** "ASAP" and "尽快" give the customer two weeks: urgent, and a signal that lapses if nothing follows. */
const ASAP_DAYS = 14;

type Outcome = number | 'not_urgent' | 'undecided' | null;
interface Context {
  spokenAt: number;
  cal: Calendar;
  year: number;
  month: number;
}
interface Rule {
  re: RegExp;
  /** Also read in follow-up records, where time words mostly describe the rep's own plans. */
  signal?: true;
  read: (m: RegExpExecArray, ctx: Context) => Outcome;
}

const EN_NUMBER: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a couple of': 2, 'couple of': 2, 'a few': 3, few: 3, 'half a': 0.5, 'half an': 0.5,
};
const EN_NUMBER_RE = '\\d+(?:\\.\\d+)?|a couple of|couple of|a few|few|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const ZH_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_NUMBER_RE = '\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3}|半';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_RE = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

function zhNumber(text: string): number | null {
  if (text === '半') return 0.5;
  if (/^\d/.test(text)) return Number(text);
  if (!text.includes('十')) return text.length === 1 ? (ZH_DIGIT[text] ?? null) : null;
  const [tens = '', ones = ''] = text.split('十');
  const t = tens === '' ? 1 : ZH_DIGIT[tens];
  const o = ones === '' ? 0 : ZH_DIGIT[ones];
  return t === undefined || o === undefined ? null : t * 10 + o;
}

const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3));

/** A month (0-11) and maybe a day, without a year: its next occurrence from when it was said. */
function monthEnd(ctx: Context, month: number, day?: number, year?: number): number | null {
  if (month < 0 || month > 11 || (day !== undefined && (day < 1 || day > 31))) return null;
  const y = year ?? (month < ctx.month ? ctx.year + 1 : ctx.year);
  return day === undefined ? ctx.cal.endOfMonth(y, month) : ctx.cal.endOfDay(y, month, day);
}

function quarterEnd(ctx: Context, quarter: number, year?: number): number {
  const current = Math.floor(ctx.month / 3);
  return ctx.cal.endOfQuarter(year ?? (quarter < current ? ctx.year + 1 : ctx.year), quarter);
}

function after(ctx: Context, amount: number | null, unit: string): Outcome {
  if (amount === null || amount <= 0) return null;
  if (/^(day|天|日)/.test(unit)) return ctx.spokenAt + amount * DAY_MS;
  if (/^(week|周|星期|礼拜)/.test(unit)) return ctx.spokenAt + amount * 7 * DAY_MS;
  if (/^(month|月)/.test(unit)) return ctx.cal.addMonths(ctx.spokenAt, amount);
  if (/^(quarter|季度)/.test(unit)) return ctx.cal.addMonths(ctx.spokenAt, amount * 3);
  return ctx.cal.addMonths(ctx.spokenAt, amount * 12);
}

const year = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const validYear = (y: number) => y >= 1990 && y <= 2200;

/** Specific before general, so that "下个月底" is next month and "12月底" is December, not "月底". */
const RULES: Rule[] = [
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m, c) => monthEnd(c, Number(m[2]) - 1, Number(m[3]), Number(m[1])) },
  { re: /\b(\d{4})[-/.](\d{1,2})\b/g, read: (m, c) => monthEnd(c, Number(m[2]) - 1, undefined, Number(m[1])) },
  { re: /(\d{4})\s*年?\s*(?:q([1-4])|第?([一二三四1-4])\s*季度)/g, read: (m, c) => quarterEnd(c, (m[2] ? Number(m[2]) : zhNumber(m[3]!)!) - 1, Number(m[1])) },
  { re: /\bq([1-4])(?:\s+(?:of\s+)?(\d{4}))?\b/g, read: (m, c) => quarterEnd(c, Number(m[1]) - 1, year(m[2])) },
  { re: /第?([一二三四1-4])\s*季度/g, read: (m, c) => quarterEnd(c, zhNumber(m[1]!)! - 1) },
  { re: /(\d{4})\s*年\s*([上下])半年/g, read: (m, c) => c.cal.endOfMonth(Number(m[1]), m[2] === '上' ? 5 : 11) },
  {
    re: /(\d{4})\s*年\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*(?:(\d{1,2})\s*[日号])?)?/g,
    read: (m, c) => {
      const y = Number(m[1]);
      if (!validYear(y)) return null;
      return m[2] ? monthEnd(c, zhNumber(m[2])! - 1, m[3] ? Number(m[3]) : undefined, y) : c.cal.endOfMonth(y, 11);
    },
  },
  {
    re: /(?<![\d个])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*(?:(\d{1,2})\s*[日号])?/g,
    read: (m, c) => monthEnd(c, zhNumber(m[1]!)! - 1, m[2] ? Number(m[2]) : undefined),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${EN_MONTH_RE})\\b,?\\s+(\\d{4})\\b`, 'g'),
    read: (m, c) => monthEnd(c, monthIndex(m[2]!), Number(m[1]), Number(m[3])),
  },
  {
    re: new RegExp(`\\b(?:(by|in|before|until|till|end of|early|mid|late)\\s+)?(${EN_MONTH_RE})\\b\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    // A bare "may" or "march" is a verb more often than a month: only with a year or a time word.
    read: (m, c) => (m[1] || m[4] ? monthEnd(c, monthIndex(m[2]!), m[3] ? Number(m[3]) : undefined, year(m[4])) : null),
  },
  { re: /\b(?:in|by|before|during|until|end of)\s+(\d{4})\b/g, read: (m, c) => (validYear(Number(m[1])) ? c.cal.endOfMonth(Number(m[1]), 11) : null) },
  { re: /\bnext year\b|明年(?:底|年底|年末|初|上半年|下半年)?|下一?年度/g, read: (_, c) => c.cal.endOfMonth(c.year + 1, 11) },
  { re: /\bfirst half\b|\bh1\b|上半年/g, read: (_, c) => c.cal.endOfMonth(c.year, 5) },
  { re: /\bsecond half\b|\bh2\b|下半年/g, read: (_, c) => c.cal.endOfMonth(c.year, 11) },
  {
    re: new RegExp(`\\b(within|in the next|over the next)\\s+(${EN_NUMBER_RE})\\s+(day|week|month|quarter|year)s?\\b`, 'g'),
    signal: true,
    read: (m, c) => after(c, EN_NUMBER[m[2]!] ?? Number(m[2]), m[3]!),
  },
  {
    re: new RegExp(`\\b(?:(?:in|next)\\s+)?(${EN_NUMBER_RE})\\s+(day|week|month|quarter|year)s?\\b(?!\\s+ago)`, 'g'),
    read: (m, c) => after(c, EN_NUMBER[m[1]!] ?? Number(m[1]), m[2]!),
  },
  {
    re: new RegExp(`(${ZH_NUMBER_RE})\\s*(个)?\\s*(天|日|周|星期|礼拜|月|季度|年)\\s*(内|以内|之内)`, 'g'),
    signal: true,
    read: (m, c) => (m[3] === '月' && !m[2] && m[1] !== '半' ? null : after(c, zhNumber(m[1]!), m[3]!)),
  },
  {
    re: new RegExp(`(${ZH_NUMBER_RE})\\s*(个)?\\s*(天|周|星期|礼拜|月|季度|年)`, 'g'),
    // "3月" is March and "2027年" a year: a span of months needs 个, of years a small number.
    read: (m, c) => {
      const n = zhNumber(m[1]!);
      if ((m[3] === '月' && !m[2] && m[1] !== '半') || n === null || n >= 100) return null;
      return after(c, n, m[3]!);
    },
  },
  { re: /\bnext week\b|下周|下个?星期|下个?礼拜/g, read: (_, c) => c.cal.endOfWeek(c.spokenAt, 1) },
  { re: /\bnext month\b|下个?月(?:底|末|初|中|份)?/g, read: (_, c) => c.cal.endOfMonth(c.year, c.month + 1) },
  { re: /\bnext quarter\b|下个?季度/g, read: (_, c) => c.cal.endOfQuarter(c.year, Math.floor(c.month / 3) + 1) },
  { re: /\bthis week\b|本周|这周|这个?星期|本星期|这个?礼拜/g, read: (_, c) => c.cal.endOfWeek(c.spokenAt, 0) },
  { re: /\btoday\b|今天|今日/g, read: (_, c) => c.cal.endOfDay(c.year, c.month, c.cal.parts(c.spokenAt).day) },
  { re: /\btomorrow\b|明天|明日/g, read: (_, c) => c.cal.endOfDay(c.year, c.month, c.cal.parts(c.spokenAt).day + 1) },
  {
    re: /\bthis month\b|\b(?:the )?end of (?:the |this )?month\b|\bmonth[- ]end\b|本月|这个月|这月|当月|月底|月末/g,
    signal: true,
    read: (_, c) => c.cal.endOfMonth(c.year, c.month),
  },
  {
    re: /\bthis quarter\b|\b(?:the )?end of (?:the |this )?quarter\b|\bquarter[- ]end\b|本季度?|这个季度|当季|季度末|季末/g,
    read: (_, c) => c.cal.endOfQuarter(c.year, Math.floor(c.month / 3)),
  },
  {
    re: /\bthis year\b|\b(?:the )?end of (?:the |this )?year\b|\byear[- ]end\b|今年|年内|年底|年末|本年度?/g,
    read: (_, c) => c.cal.endOfMonth(c.year, 11),
  },
  {
    re: /\basap\b|\bas soon as possible\b|\burgent(?:ly)?\b|\bimmediately\b|\bright away\b|\bright now\b|尽快|尽早|马上|立即|立刻|越快越好|急需|紧急|加急|急用|很急|非常急|比较急|着急/g,
    signal: true,
    read: (_, c) => c.spokenAt + ASAP_DAYS * DAY_MS,
  },
  {
    re: /\bno rush\b|\bnot urgent\b|\bno hurry\b|\bno urgency\b|\bno (?:fixed )?(?:plan|timeline|deadline)s?\b|\bjust (?:looking|browsing|researching|exploring)\b|\b(?:collecting|gathering) info(?:rmation)?\b|\blong[- ]term\b|\bsomeday\b|\bon hold\b|\bpostponed\b|\bshelved\b|不急|不着急|不紧急|暂无计划|没有计划|暂不考虑|暂不需要|了解一下|先了解|收集信息|收集资料|观望|长期|搁置|暂缓|推迟|延期/g,
    read: () => 'not_urgent',
  },
  {
    re: /\btbd\b|\bto be (?:decided|determined|confirmed)\b|\bnot (?:yet )?(?:decided|sure|known|clear)\b|\bundecided\b|\bunknown\b|\bunclear\b|待定|未定|不确定|还没定|没定|不清楚|未知/g,
    read: () => 'undecided',
  },
];

/** "not this month", "isn't urgent", "不紧急": a negated phrase says nothing about urgency. */
function negated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  return /\b(?:not|no|never|isn't|aren't|don't|doesn't|without)\s+(?:\w+\s+)?$/.test(before) || /(?:不|没有?|无|非|别)$/.test(before);
}

function read(text: string, spokenAt: number, utcOffsetMinutes: number, signalsOnly: boolean): TimelineReading {
  const cal = new Calendar(utcOffsetMinutes);
  const { year: y, month } = cal.parts(spokenAt);
  const ctx: Context = { spokenAt, cal, year: y, month };
  let working = text.normalize('NFKC').toLowerCase();
  const reading: TimelineReading = { deadlines: [], notUrgent: null, undecided: null };
  for (const rule of RULES) {
    if (signalsOnly && !rule.signal) continue;
    for (const m of working.matchAll(rule.re)) {
      if (negated(working, m.index)) continue;
      const outcome = rule.read(m, ctx);
      if (outcome === null || Number.isNaN(outcome)) continue;
      const phrase = m[0].trim();
      if (outcome === 'not_urgent') reading.notUrgent ??= phrase;
      else if (outcome === 'undecided') reading.undecided ??= phrase;
      else reading.deadlines.push({ at: outcome, phrase });
      working = working.slice(0, m.index) + ' '.repeat(m[0].length) + working.slice(m.index + m[0].length);
    }
  }
  return reading;
}

/** Reads a decision timeline as the rep wrote it ("本月", "Q3 2027", "within 6 weeks", "不急"), said at `spokenAt`. */
export function readTimeline(text: string, spokenAt: number, utcOffsetMinutes: number): TimelineReading {
  return read(text, spokenAt, utcOffsetMinutes, false);
}

/**
 * Urgency phrases in a follow-up record ("ASAP", "尽快", "this month", "本月", "within two weeks"). Narrower
 * than a timeline: "today" or "next week" in a record is usually when the rep will call, not the customer's need.
 */
export function readUrgencySignals(text: string, spokenAt: number, utcOffsetMinutes: number): TimelineStatement[] {
  return read(text, spokenAt, utcOffsetMinutes, true).deadlines;
}
