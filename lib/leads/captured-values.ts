import { z } from 'zod';
import { CreditCode, Money, type FieldOrigin, type LeadFields, type PageCapture, type Suggestion, type TextEvidence } from '../schema';

/** The lead fields a capture (with its enrichment) can fill. */
export type CapturableField =
  | 'name'
  | 'legalName'
  | 'description'
  | 'website'
  | 'creditCode'
  | 'employees'
  | 'revenue'
  | 'registeredCapital'
  | 'foundingYear'
  | 'industry'
  | 'region'
  | 'registeredLocation'
  | 'sizeBand';

export type CaptureOrigin = Extract<FieldOrigin, { by: 'capture' }>;
export type CapturedValue<F extends CapturableField> = { value: NonNullable<LeadFields[F]>; origin: CaptureOrigin };
export type CapturedValues = { [F in CapturableField]?: CapturedValue<F> };

const SHORT = 300;
/** A site's own address is as sure as the page itself, but a value the page states outranks it. */
const WEBSITE_CONFIDENCE = 0.9;

/**
 * What one capture says about the company, field by field, each value with its origin (the evidence source,
 * its confidence and the page). Enrichment suggestions fill the rest; where both speak to a field the more
 * confident wins. Values that would not validate as lead fields are left out rather than failing the save.
 */
export function capturedValues(capture: PageCapture, suggestions: readonly Suggestion[] = []): CapturedValues {
  const { fields, url } = capture;
  const origin = (evidence: { source: string; confidence: number }): CaptureOrigin => ({ by: 'capture', source: evidence.source, confidence: evidence.confidence, url });
  const text = (evidence: TextEvidence | undefined, max: number) => {
    const value = evidence?.value.trim().slice(0, max).trim();
    return evidence && value ? { value, origin: origin(evidence) } : undefined;
  };
  const values: CapturedValues = {
    name: text(fields.name, SHORT),
    legalName: text(fields.legalName, SHORT),
    description: text(fields.description, 20_000),
  };
  const website = websiteOf(url);
  if (website) values.website = { value: website, origin: { by: 'capture', source: 'url', confidence: WEBSITE_CONFIDENCE, url } };
  const creditCode = fields.creditCode && CreditCode.safeParse(fields.creditCode.value.toUpperCase());
  if (creditCode?.success) values.creditCode = { value: creditCode.data, origin: origin(fields.creditCode!) };
  if (fields.employees && fields.employees.value.min <= 10_000_000) values.employees = { value: fields.employees.value.min, origin: origin(fields.employees) };
  for (const field of ['revenue', 'registeredCapital'] as const) {
    const money = fields[field] && Money.safeParse({ amount: fields[field].value.amount, currency: fields[field].value.currency });
    if (money?.success) values[field] = { value: money.data, origin: origin(fields[field]!) };
  }
  if (fields.foundingYear) values.foundingYear = { value: fields.foundingYear.value, origin: origin(fields.foundingYear) };

  for (const suggestion of suggestions) {
    const current = values[suggestion.field];
    if (current && current.origin.confidence >= suggestion.confidence) continue;
    const suggested = { value: suggestion.value, origin: { by: 'capture', source: `enrich:${suggestion.provider}`, confidence: suggestion.confidence, url } };
    (values as Record<string, unknown>)[suggestion.field] = suggested;
  }
  return values;
}

const Email = z.email().max(254);

/** The company's addresses from the page, lower-cased and valid (an odd one is dropped, not a failed save). */
export function capturedEmails(capture: PageCapture): string[] {
  return unique(capture.fields.emails.map((email) => email.value.toLowerCase()).filter((email) => Email.safeParse(email).success));
}

export function websiteOf(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${host}/` : null;
  } catch {
    return null;
  }
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
