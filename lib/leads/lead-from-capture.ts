import type { Hlc, Lead, LeadFields, LeadPatch, PageCapture } from '../schema';
import { SCHEMA_VERSION } from '../schema';

/** The lead fields a page capture can fill, as a patch; nothing here is the rep's own judgement. */
export function patchFromCapture(capture: PageCapture): LeadPatch {
  const { fields } = capture;
  const patch: LeadPatch = {
    domain: capture.domain,
    website: websiteOf(capture.url),
    emails: unique(fields.emails.map((e) => e.value.toLowerCase())),
    phones: unique(fields.phones.map((p) => p.value)),
  };
  if (fields.name) patch.name = fields.name.value;
  if (fields.legalName) patch.legalName = fields.legalName.value;
  if (fields.description) patch.description = fields.description.value;
  return patch;
}

/**
 * What a new capture adds to an existing lead: blanks filled and new emails and phones added.
 * A value already on the lead (typed by the rep or captured before) is never overwritten by a capture.
 */
export function mergeCaptureIntoLead(lead: Lead, capture: PageCapture): LeadPatch {
  const captured = patchFromCapture(capture);
  const patch: LeadPatch = {};
  for (const field of ['legalName', 'description', 'website', 'domain'] as const) {
    if (lead[field] === null && captured[field]) patch[field] = captured[field];
  }
  const emails = unique([...lead.emails, ...(captured.emails ?? [])]);
  if (emails.length > lead.emails.length) patch.emails = emails;
  const phones = unique([...lead.phones, ...(captured.phones ?? [])]);
  if (phones.length > lead.phones.length) patch.phones = phones;
  return patch;
}

export interface NewLeadInput {
  id: string;
  code: string;
  capture: PageCapture;
  stamp: Hlc;
  now: string;
  ownerId: string | null;
}

export function newLeadFromCapture({ id, code, capture, stamp, now, ownerId }: NewLeadInput): Lead {
  const captured = patchFromCapture(capture);
  const fields: LeadFields = {
    code,
    name: captured.name ?? capture.domain ?? (capture.title.trim() || capture.url),
    legalName: captured.legalName ?? null,
    domain: capture.domain,
    website: captured.website ?? null,
    description: captured.description ?? null,
    industry: null,
    region: null,
    employees: null,
    revenue: null,
    foundingYear: null,
    registeredLocation: null,
    emails: captured.emails ?? [],
    phones: captured.phones ?? [],
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
  };
}

function websiteOf(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${host}/` : null;
  } catch {
    return null;
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
