import type { CompanyCapture, SizeBand, Suggestion } from '../schema';
import { toEuros } from './currency';
import type { EnrichmentProvider } from './provider';

const BANDS: readonly SizeBand[] = ['micro', 'small', 'medium', 'large', 'enterprise'];

/** Lowest headcount of each band above micro: EU recommendation 2003/361/EC (10, 50, 250), then 1000. */
const EMPLOYEE_FLOORS = [10, 50, 250, 1000] as const;
/** Annual turnover in euros: the same recommendation's €2m, €10m, €50m, then €500m. */
const REVENUE_FLOORS = [2e6, 10e6, 50e6, 500e6] as const;
/**
 * Registered capital (注册资本) in euros, about ¥1m, ¥10m, ¥50m, ¥500m. Subscribed, not paid in (since 2014
 * it need not be), so it is only a hint: used when neither headcount nor revenue is known, with low confidence.
 */
const CAPITAL_FLOORS = [0.13e6, 1.3e6, 6.5e6, 65e6] as const;

function bandOf(value: number, floors: readonly number[]): SizeBand {
  const index = floors.filter((floor) => value >= floor).length;
  return BANDS[index]!;
}

export function sizeBandOfEmployees(employees: number): SizeBand {
  return bandOf(employees, EMPLOYEE_FLOORS);
}

/** The band of an amount of revenue, or null when its currency has no rate. */
export function sizeBandOfRevenue(amount: number, currency: string): SizeBand | null {
  const euros = toEuros(amount, currency);
  return euros === null ? null : bandOf(euros, REVENUE_FLOORS);
}

/** The fewest and most employees a band stands for (null: no upper bound), for screening on a band alone. */
export function employeeRangeOfBand(band: SizeBand): { min: number; max: number | null } {
  const index = BANDS.indexOf(band);
  return { min: index === 0 ? 1 : EMPLOYEE_FLOORS[index - 1]!, max: index < EMPLOYEE_FLOORS.length ? EMPLOYEE_FLOORS[index]! - 1 : null };
}

/**
 * The size band from what the page says: headcount first (the lower end of a range: "200-500" is at least
 * 200), else revenue, else registered capital.
 */
export function suggestSizeBand(capture: CompanyCapture): Suggestion | null {
  const { employees, revenue, registeredCapital } = capture.fields;
  if (employees) {
    return suggestion(sizeBandOfEmployees(employees.value.min), 0.8 * employees.confidence, 'employees', employees.value.text);
  }
  if (revenue) {
    const band = sizeBandOfRevenue(revenue.value.amount, revenue.value.currency);
    if (band) return suggestion(band, 0.7 * revenue.confidence, 'revenue', revenue.value.text);
  }
  if (registeredCapital) {
    const euros = toEuros(registeredCapital.value.amount, registeredCapital.value.currency);
    if (euros !== null) return suggestion(bandOf(euros, CAPITAL_FLOORS), 0.4 * registeredCapital.confidence, 'registeredCapital', registeredCapital.value.text);
  }
  return null;
}

function suggestion(value: SizeBand, confidence: number, basis: string, snippet: string): Suggestion {
  return { field: 'sizeBand', value, confidence: Math.round(confidence * 100) / 100, provider: 'size-band', evidence: { basis, snippet: snippet.slice(0, 500) } };
}

export const sizeBandProvider: EnrichmentProvider = {
  id: 'size-band',
  fields: ['sizeBand'],
  suggest: ({ capture }) => {
    const band = suggestSizeBand(capture);
    return band ? [band] : [];
  },
};
