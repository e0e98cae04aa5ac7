/**
 * Dates as webmail headers show them, in the browser's time zone (which is the rep's, where the content
 * script runs): Gmail's `span.g3[title]` ("Tue, Jan 2, 2024, 10:00 AM", "2024年1月2日 周二 上午10:00") and
 * Outlook's header ("Mon 11/20/2026 3:04 PM", "2026/11/20 15:04"). Parsed by hand because engines disagree
 * on `Date.parse` of such strings (Firefox and Chromium differ). Null when unsure.
 */
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};
const TIME = String.raw`(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*([ap]\.?\s?m\.?)?`;
/** "Jan 2, 2024, 10:00 AM", "January 2, 2024 at 10:00 AM". */
const MONTH_FIRST = new RegExp(String.raw`\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s*(?:at\s+)?${TIME})?`, 'i');
/** "2 Jan 2024, 10:00", "2 January 2024 at 10:00". */
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s*(?:at\s+)?${TIME})?`, 'i');
/** "2024年1月2日 周二 下午3:04". */
const CHINESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\d上下中晚凌早午]*(凌晨|早上|上午|中午|下午|晚上)?\s*(?:(\d{1,2})[:：](\d{2}))?/;
/** "2024-01-02 10:00", "2024/1/2 15:04", "2026/11/5 周四 18:20". */
const YEAR_FIRST = new RegExp(String.raw`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(?:(?:周|星期|週)[一二三四五六日天]\s*)?${TIME})?`, 'i');
/** "11/20/2026 3:04 PM" (month first in US English), "20.11.2026 15:04" (day first elsewhere). */
const NUMERIC = new RegExp(String.raw`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:,?\s+${TIME})?`, 'i');

export function parseMailDate(raw: string | null | undefined, lang = 'en-US'): string | null {
  if (!raw) return null;
  const text = raw.replace(/[\s\u00a0\u202f]+/g, ' ').slice(0, 200);
  let match = CHINESE.exec(text);
  if (match) {
    let hour = Number(match[5] ?? 0);
    const half = match[4];
    // Like AM and PM: 上午12:30 is 00:30, 下午12:30 is 12:30; 中午1:00 is 13:00.
    if (half && /凌晨|早上|上午/.test(half) && hour === 12) hour = 0;
    if (half && /下午|晚上/.test(half) && hour < 12) hour += 12;
    if (half === '中午' && hour < 11) hour += 12;
    return build(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, Number(match[6] ?? 0), 0);
  }
  match = MONTH_FIRST.exec(text);
  const monthFirst = match ? monthOf(match[1]!) : undefined;
  if (match && monthFirst !== undefined) return withTime(Number(match[3]), monthFirst, Number(match[2]), match.slice(4));
  match = DAY_FIRST.exec(text);
  const dayFirst = match ? monthOf(match[2]!) : undefined;
  if (match && dayFirst !== undefined) return withTime(Number(match[3]), dayFirst, Number(match[1]), match.slice(4));
  match = YEAR_FIRST.exec(text);
  if (match) return withTime(Number(match[1]), Number(match[2]) - 1, Number(match[3]), match.slice(4));
  match = NUMERIC.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const us = first > 12 ? false : second > 12 ? true : /^en(?:-us)?$/i.test(lang);
    return withTime(Number(match[3]), (us ? first : second) - 1, us ? second : first, match.slice(4));
  }
  return null;
}

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
}

function withTime(year: number, month: number, day: number, time: Array<string | undefined>): string | null {
  const [hourText, minuteText, secondText, meridiem] = time;
  let hour = Number(hourText ?? 0);
  if (meridiem) {
    const pm = /^p/i.test(meridiem);
    if (hour > 12) return null;
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  return build(year, month, day, hour, Number(minuteText ?? 0), Number(secondText ?? 0));
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  if (year < 1990 || year > 2100 || month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(year, month, day, hour, minute, second);
  // new Date rolls "Feb 31" into March: such a date was misread.
  if (date.getMonth() !== month || date.getDate() !== day) return null;
  return date.toISOString();
}
