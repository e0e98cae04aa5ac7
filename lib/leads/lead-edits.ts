import { REP_ORIGIN, type OriginsPatch } from './field-origin';
import { isDeepStrictEqualJson } from './json-equal';
import type { FieldOrigin, Hlc, Lead, LeadField, LeadFieldsPatch } from '../schema';

/**
 * Applies the fields of `patch` that change the lead, stamping each with `stamp` so that a later merge
 * keeps the newer edit of every field independently, and recording where each new value came from (the rep,
 * unless told otherwise). Returns the lead unchanged when nothing differs.
 */
export function applyLeadPatch(lead: Lead, patch: LeadFieldsPatch, stamp: Hlc, now: string, origin: FieldOrigin | OriginsPatch = REP_ORIGIN): Lead {
  return stampFields(lead, patch, changedFields(lead, patch), stamp, now, origin);
}

/** Sets the given fields from `patch` (and their origins), stamped as one write. */
export function stampFields(lead: Lead, patch: LeadFieldsPatch, fields: readonly LeadField[], stamp: Hlc, now: string, origin: FieldOrigin | OriginsPatch): Lead {
  if (fields.length === 0) return lead;
  const next: Lead = { ...lead, versions: { ...lead.versions }, origins: { ...lead.origins }, updatedAt: now };
  for (const field of fields) {
    if (patch[field] !== undefined) (next as Record<LeadField, unknown>)[field] = patch[field];
    next.versions[field] = stamp;
    const fieldOrigin = 'by' in origin ? (origin as FieldOrigin) : (origin as OriginsPatch)[field];
    if (fieldOrigin) next.origins[field] = fieldOrigin;
  }
  return next;
}

export function changedFields(lead: Lead, patch: LeadFieldsPatch): LeadField[] {
  return (Object.keys(patch) as LeadField[]).filter((field) => patch[field] !== undefined && !isDeepStrictEqualJson(lead[field], patch[field]));
}

/**
 * Field-by-field merge of two copies of one lead: for each field the edit with the higher clock stamp wins,
 * with its origin, ties broken by the value and origin themselves, so merge(a, b) equals merge(b, a) and
 * replicas converge in any order.
 */
export function mergeLeadCopies(a: Lead, b: Lead): Lead {
  const fields = new Set([...Object.keys(a.versions), ...Object.keys(b.versions)]) as Set<LeadField>;
  const merged: Lead = { ...a, versions: { ...a.versions }, origins: { ...a.origins } };
  for (const field of fields) {
    if (!pickB(a, b, field)) continue;
    (merged as Record<LeadField, unknown>)[field] = b[field];
    merged.versions[field] = b.versions[field]!;
    const origin = b.origins[field];
    if (origin) merged.origins[field] = origin;
    else delete merged.origins[field];
  }
  merged.createdAt = a.createdAt < b.createdAt ? a.createdAt : b.createdAt;
  merged.updatedAt = a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt;
  // The tombstone and where it points travel together: the later delete wins with its merge target.
  const tomb = laterTombstone(a, b);
  merged.deletedAt = tomb.deletedAt;
  merged.mergedInto = tomb.mergedInto;
  return merged;
}

function laterTombstone(a: Lead, b: Lead): Lead {
  if (a.deletedAt !== b.deletedAt) return (a.deletedAt ?? '') > (b.deletedAt ?? '') ? a : b;
  return (a.mergedInto ?? '') >= (b.mergedInto ?? '') ? a : b;
}

function pickB(a: Lead, b: Lead, field: LeadField): boolean {
  const va = a.versions[field] ?? '';
  const vb = b.versions[field] ?? '';
  if (va !== vb) return vb > va;
  return JSON.stringify([b[field], b.origins[field] ?? null]) > JSON.stringify([a[field], a.origins[field] ?? null]);
}
