/**
 * Rough euro value of one unit of a currency, fixed on purpose: size bands are coarse (a factor of five
 * between bands), so a rate that is off by 10% never moves a company to another band, and enrichment needs
 * no network. Currencies not listed give no band from money.
 */
const EUR_PER_UNIT: Readonly<Record<string, number>> = {
  EUR: 1, USD: 0.92, GBP: 1.17, CHF: 1.04, CNY: 0.13, HKD: 0.12, TWD: 0.029, JPY: 0.0062, KRW: 0.00068,
  SGD: 0.68, AUD: 0.6, NZD: 0.55, CAD: 0.68, INR: 0.011, SEK: 0.087, NOK: 0.086, DKK: 0.134, PLN: 0.23, RUB: 0.01,
  BRL: 0.17, MXN: 0.05, AED: 0.25, SAR: 0.245, ZAR: 0.05, THB: 0.026, MYR: 0.2, IDR: 0.000058, VND: 0.000037,
};

export function toEuros(amount: number, currency: string): number | null {
  const rate = EUR_PER_UNIT[currency];
  return rate === undefined ? null : amount * rate;
}
