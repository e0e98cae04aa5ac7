import { unique } from './captured-values';
import { isSamePerson, mergeContactFields } from './contacts-from-capture';
import { confidenceOf, isManual, type OriginsPatch } from './field-origin';
import { isDeepStrictEqualJson } from './json-equal';
import { stampFields } from './lead-edits';
import { LeadFields, type Contact, type Hlc, type Lead, type LeadField, type LeadFieldsPatch } from '../schema';

const MAX_LIST = 100;
const MAX_OTHER_DOMAINS = 20;
/**
 * Identity and bookkeeping: the surviving lead keeps its own (its keys gain the other's below). A tier override
 * is a manager's word on one lead: merging duplicates never moves it (and a rep may not set one).
 */
const KEPT: ReadonlySet<LeadField> = new Set(['code', 'domain', 'otherDomains', 'source', 'tierOverride']);
const UNIONS = ['emails', 'phones', 'tags'] as const;

/** A field that holds nothing the rep or a page said: empty, or the stage every lead starts in. */
function isUnset(field: LeadField, value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0) || (field === 'stage' && value === 'not_contacted');
}

/**
 * What the surviving lead `keep` takes from `other` when the rep says they are one company (去重合并):
 * - a field only one of them knows is taken from it;
 * - where both know it, a hand-typed value beats a captured one, the stronger evidence beats the weaker,
 *   and otherwise `keep` stays as it is; the earlier next follow-up wins, so none is missed;
 * - emails, phones and tags are unions; the other lead's domain becomes one of `keep`'s keys.
 */
export function mergeLeadInto(keep: Lead, other: Lead): { patch: LeadFieldsPatch; origins: OriginsPatch; fields: LeadField[] } {
  const patch: Record<string, unknown> = {};
  const origins: OriginsPatch = {};
  for (const field of Object.keys(LeadFields.shape) as LeadField[]) {
    if (KEPT.has(field) || (UNIONS as readonly string[]).includes(field)) continue;
    const mine = keep[field];
    const theirs = other[field];
    if (isUnset(field, theirs) || isDeepStrictEqualJson(mine, theirs)) continue;
    if (!isUnset(field, mine) && !takesOther(keep, other, field)) continue;
    patch[field] = theirs;
    const origin = other.origins[field];
    if (origin) origins[field] = origin;
  }
  for (const field of UNIONS) {
    const merged = unique([...keep[field], ...other[field]]).slice(0, MAX_LIST);
    if (merged.length > keep[field].length) patch[field] = merged;
  }
  if (keep.domain === null && other.domain !== null) patch.domain = other.domain;
  const keys = unique([...keep.otherDomains, ...(keep.domain === null ? [] : [other.domain]), ...other.otherDomains])
    .filter((key): key is string => key !== null && key !== keep.domain && key !== patch.domain)
    .slice(0, MAX_OTHER_DOMAINS);
  if (keys.length > keep.otherDomains.length) patch.otherDomains = keys;
  if (keep.creditCode === null && other.creditCode !== null) patch.creditCode = other.creditCode;
  return { patch: patch as LeadFieldsPatch, origins, fields: Object.keys(patch) as LeadField[] };
}

function takesOther(keep: Lead, other: Lead, field: LeadField): boolean {
  if (field === 'nextFollowUpAt') return (other.nextFollowUpAt ?? '') < (keep.nextFollowUpAt ?? '');
  const keepManual = isManual(keep, field);
  const otherManual = isManual(other, field);
  if (keepManual !== otherManual) return otherManual;
  return !keepManual && confidenceOf(other, field) > confidenceOf(keep, field);
}

export interface LeadMergeResult {
  keep: Lead;
  /** The other lead as a tombstone pointing at `keep`; its domain now lives on `keep`. */
  tombstone: Lead;
  /** Contacts to write: the other lead's people moved to `keep`, or folded into the same person there. */
  contacts: Contact[];
}

/** Merges `other` into `keep` as one write: fields, keys and contacts; `other` becomes a tombstone. */
export function mergeLeads(keep: Lead, other: Lead, contacts: { keep: readonly Contact[]; other: readonly Contact[] }, stamp: Hlc, now: string): LeadMergeResult {
  const merge = mergeLeadInto(keep, other);
  const merged = stampFields(keep, merge.patch, merge.fields, stamp, now, merge.origins);
  const tombstone: Lead = {
    ...other,
    domain: null,
    deletedAt: now,
    mergedInto: keep.id,
    updatedAt: now,
    versions: { ...other.versions, domain: stamp },
  };
  return { keep: merged === keep ? { ...keep, updatedAt: now } : merged, tombstone, contacts: moveContacts(contacts.keep, contacts.other, keep.id, stamp, now) };
}

function moveContacts(keepContacts: readonly Contact[], otherContacts: readonly Contact[], keepId: string, stamp: Hlc, now: string): Contact[] {
  const live = keepContacts.filter((contact) => contact.deletedAt === null).map((contact) => ({ contact, changed: false }));
  const writes: Contact[] = [];
  for (const person of otherContacts.filter((contact) => contact.deletedAt === null)) {
    const same = live.find(({ contact }) => isSamePerson(contact, person));
    if (same) {
      const merged = mergeContactFields(same.contact, person, stamp, now);
      if (merged !== same.contact) Object.assign(same, { contact: merged, changed: true });
      // Stamped, so that the removal is queued for the team server like any other edit.
      writes.push({ ...person, deletedAt: now, updatedAt: now, versions: { ...person.versions, deletedAt: stamp } });
    } else {
      const moved: Contact = { ...person, leadId: keepId, updatedAt: now, versions: { ...person.versions, leadId: stamp } };
      live.push({ contact: moved, changed: true });
    }
  }
  return [...writes, ...live.filter(({ changed }) => changed).map(({ contact }) => contact)];
}
