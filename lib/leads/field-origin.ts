import type { FieldOrigin, Lead, LeadField } from '../schema';

export const REP_ORIGIN: FieldOrigin = { by: 'rep' };

/** Per-field origins of one write; a field left out keeps the origin it had. */
export type OriginsPatch = Partial<Record<LeadField, FieldOrigin>>;

/** The fields the rep typed by hand (or whose origin is unknown, which is treated the same way). */
export function manualFields(lead: Lead): LeadField[] {
  return (Object.keys(lead.versions) as LeadField[]).filter((field) => isManual(lead, field));
}

/** A value with no recorded origin predates origins: it is protected like a typed one. */
export function isManual(lead: Lead, field: LeadField): boolean {
  const origin = lead.origins[field];
  return origin === undefined || origin.by === 'rep';
}

/** The confidence behind a captured value; a typed (or unknown) value counts as certain. */
export function confidenceOf(lead: Lead, field: LeadField): number {
  const origin = lead.origins[field];
  return origin?.by === 'capture' ? origin.confidence : 1;
}
