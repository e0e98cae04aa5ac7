/** Amounts as companies write them: "$2.3 billion", "US$50M", "5000万元", "1.2亿人民币", "RMB 50 million". */

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, trillion: 1e12,
  万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 十亿: 1e9, 百亿: 1e10, 千亿: 1e11, 万亿: 1e12,
};

const CURRENCIES: Array<[RegExp, string]> = [
  [/^(us\$|usd|u\.s\.\s*dollars?|美元|美金)$/i, 'USD'],
  [/^(hk\$|hkd|港元|港币)$/i, 'HKD'],
  [/^(a\$|au\$|aud)$/i, 'AUD'],
  [/^(c\$|ca\$|cad)$/i, 'CAD'],
  [/^(s\$|sgd)$/i, 'SGD'],
  [/^(nt\$|twd|新台币)$/i, 'TWD'],
  [/^(€|eur|euros?|欧元)$/i, 'EUR'],
  [/^(£|gbp|pounds?)$/i, 'GBP'],
  [/^(¥|￥|rmb|cny|yuan|元|人民币|人民币元)$/i, 'CNY'],
  [/^(jpy|日元)$/i, 'JPY'],
  [/^(\$|dollars?)$/i, 'USD'],
];

export function currencyCode(symbol: string | undefined, fallback: string): string {
  if (!symbol) return fallback;
  const trimmed = symbol.trim();
  return CURRENCIES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? fallback;
}

/** "2,300.5" with an optional multiplier word: "1.2" + "亿" -> 120,000,000. Undefined when it is not a finite amount. */
export function amountOf(number: string, multiplier: string | undefined): number | undefined {
  const value = Number(number.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const scale = multiplier ? MULTIPLIERS[multiplier.trim().toLowerCase()] ?? 1 : 1;
  const amount = Math.round(value * scale * 100) / 100;
  return amount > 0 && amount < 1e15 ? amount : undefined;
}

/** Multiplier words for use inside patterns, longest first so "千万" wins over "万". */
export const MULTIPLIER_PATTERN = '(?:十亿|百亿|千亿|万亿|十万|百万|千万|万|亿|thousand|million|billion|trillion|mn|bn|mm|k|m|b)';
