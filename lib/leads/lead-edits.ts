import { isDeepStrictEqualJson } from './json-equal';
import type { Hlc, Lead, LeadField, LeadFields, LeadPatch } from '../schema';

/**
 * Applies the fields of `patch` that change the lead, stamping each with `stamp` so that a later merge
 * keeps the newer edit of every field independently. Returns the lead unchanged when nothing differs.
 */
export function applyLeadPatch(lead: Lead, patch: LeadPatch, stamp: Hlc, now: string): Lead {
  const changed = changedFields(lead, patch);
  if (changed.length === 0) return lead;
  const next: Lead = { ...lead, versions: { ...lead.versions }, updatedAt: now };
  for (const field of changed) {
    (next as Record<LeadField, unknown>)[field] = patch[field as keyof LeadPatch];
    next.versions[field] = stamp;
  }
  return next;
}

export function changedFields(lead: Lead, patch: LeadPatch): LeadField[] {
  return (Object.keys(patch) as Array<keyof LeadPatch>).filter(
    (field) => patch[field] !== undefined && !isDeepStrictEqualJson(lead[field], patch[field]),
  );
}

/**
 * Field-by-field merge of two copies of one lead: for each field the edit with the higher clock stamp wins,
 * ties broken by the value itself, so merge(a, b) equals merge(b, a) and replicas converge in any order.
 */
export function mergeLeadCopies(a: Lead, b: Lead): Lead {
  const fields = new Set([...Object.keys(a.versions), ...Object.keys(b.versions)]) as Set<LeadField>;
  const merged: Lead = { ...a, versions: { ...a.versions } };
  for (const field of fields) {
    if (pickB(a, b, field)) {
      (merged as Record<LeadField, unknown>)[field] = b[field];
      merged.versions[field] = b.versions[field]!;
    }
  }
  merged.createdAt = a.createdAt < b.createdAt ? a.createdAt : b.createdAt;
  merged.updatedAt = a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt;
  merged.deletedAt = maxOrNull(a.deletedAt, b.deletedAt);
  return merged;
}

function pickB(a: Lead, b: Lead, field: keyof LeadFields): boolean {
  const va = a.versions[field] ?? '';
  const vb = b.versions[field] ?? '';
  if (va !== vb) return vb > va;
  return JSON.stringify(b[field]) > JSON.stringify(a[field]);
}

function maxOrNull(x: string | null, y: string | null): string | null {
  if (x === null) return y;
  if (y === null) return x;
  return x > y ? x : y;
}
