import { isDeepStrictEqualJson } from './json-equal';
import { capturedEmails, capturedValues, unique, type CapturableField, type CapturedValues } from './captured-values';
import { confidenceOf, isManual, type OriginsPatch } from './field-origin';
import { stampFields } from './lead-edits';
import { companyPhonesOf } from '../privacy';
import { SCHEMA_VERSION, type Hlc, type Lead, type LeadField, type LeadFields, type LeadFieldsPatch, type PageCapture, type Suggestion } from '../schema';

const MAX_LIST = 100;

export interface CaptureOptions {
  /** Enrichment suggestions for this capture (lib/enrich). */
  suggestions?: readonly Suggestion[];
  /** shared/domain.md §7: people's numbers are stored masked; on unless the team turned it off. */
  maskPhones?: boolean;
}

/** The fields a capture changes on a lead, the origins of their new values, and the new values. */
export interface CaptureMerge {
  patch: LeadFieldsPatch;
  origins: OriginsPatch;
  /** Fields whose value or evidence the capture improves. */
  fields: LeadField[];
}

/**
 * What a capture changes on an existing lead:
 * - a blank field is filled;
 * - a value the rep typed (or of unknown origin) is never replaced;
 * - a captured value is replaced by a capture with stronger evidence, and the same value seen with stronger
 *   evidence keeps the stronger origin ("best evidence kept");
 * - emails and phones are unions.
 */
export function mergeCaptureIntoLead(lead: Lead, capture: PageCapture, options: CaptureOptions = {}): CaptureMerge {
  const captured = capturedValues(capture, options.suggestions);
  const patch: LeadFieldsPatch = {};
  const origins: OriginsPatch = {};
  const fields: LeadField[] = [];
  for (const field of Object.keys(captured) as CapturableField[]) {
    const candidate = captured[field];
    if (!candidate) continue;
    const current = lead[field];
    const stronger = candidate.origin.confidence > confidenceOf(lead, field);
    if (isDeepStrictEqualJson(current, candidate.value)) {
      if (!stronger || isManual(lead, field)) continue;
    } else if (current !== null && (isManual(lead, field) || !stronger)) {
      continue;
    }
    (patch as Record<string, unknown>)[field] = candidate.value;
    origins[field] = candidate.origin;
    fields.push(field);
  }
  const emails = unique([...lead.emails, ...capturedEmails(capture)]).slice(0, MAX_LIST);
  if (emails.length > lead.emails.length) {
    patch.emails = emails;
    fields.push('emails');
  }
  const phones = unique([...lead.phones, ...companyPhonesOf(capture, options.maskPhones ?? true)]).slice(0, MAX_LIST);
  if (phones.length > lead.phones.length) {
    patch.phones = phones;
    fields.push('phones');
  }
  return { patch, origins, fields };
}

/** Applies a capture merge as one write stamped `stamp`. */
export function applyCaptureMerge(lead: Lead, merge: CaptureMerge, stamp: Hlc, now: string): Lead {
  return stampFields(lead, merge.patch, merge.fields, stamp, now, merge.origins);
}

export interface NewLeadInput extends CaptureOptions {
  id: string;
  code: string;
  capture: PageCapture;
  stamp: Hlc;
  now: string;
  ownerId: string | null;
  /** The company's key (lib/dedup companyKeyOf); defaults to the capture's registrable domain. */
  domain?: string | null;
}

/** A new lead from a capture; every field is stamped, and captured ones carry their origin. */
export function newLeadFromCapture(input: NewLeadInput): Lead {
  const { id, code, capture, stamp, now, ownerId } = input;
  const captured = capturedValues(capture, input.suggestions);
  const value = <F extends CapturableField>(field: F) => (captured[field]?.value ?? null) as LeadFields[F] | null;
  const fields: LeadFields = {
    code,
    name: captured.name?.value ?? fallbackName(capture),
    legalName: value('legalName'),
    domain: input.domain === undefined ? capture.domain : input.domain,
    otherDomains: [],
    creditCode: value('creditCode'),
    website: value('website'),
    description: value('description'),
    industry: value('industry'),
    region: value('region'),
    employees: value('employees'),
    sizeBand: value('sizeBand'),
    revenue: value('revenue'),
    registeredCapital: value('registeredCapital'),
    foundingYear: value('foundingYear'),
    registeredLocation: value('registeredLocation'),
    emails: capturedEmails(capture).slice(0, MAX_LIST),
    phones: companyPhonesOf(capture, input.maskPhones ?? true).slice(0, MAX_LIST),
    source: { kind: 'website', pageUrl: capture.url, needKeywords: [] },
    needDescription: null,
    painPoints: null,
    expectedSolution: null,
    budget: null,
    decisionTimeline: null,
    currentSolution: null,
    tags: [],
    valueLevel: null,
    competitor: null,
    stage: 'not_contacted',
    tier: null,
    nextFollowUpAt: null,
  };
  const versions = Object.fromEntries(Object.keys(fields).map((field) => [field, stamp]));
  return {
    id,
    schemaVersion: SCHEMA_VERSION,
    teamId: null,
    ownerId,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    versions,
    ...fields,
    origins: originsOf(captured, capture),
    mergedInto: null,
  };
}

/** Without a name on the page the lead is named after its domain or title, weakly, so a later page can rename it. */
function fallbackName(capture: PageCapture): string {
  return (capture.domain ?? (capture.title.trim() || capture.url)).slice(0, 300);
}

function originsOf(captured: CapturedValues, capture: PageCapture): Lead['origins'] {
  const origins: Lead['origins'] = {};
  for (const [field, value] of Object.entries(captured)) if (value) origins[field] = value.origin;
  if (!captured.name) origins.name = { by: 'capture', source: capture.domain ? 'url' : 'title', confidence: 0.1, url: capture.url };
  origins.emails = origins.phones = { by: 'capture', source: 'text', confidence: 0.5, url: capture.url };
  return origins;
}
