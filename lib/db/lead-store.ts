import { v7 as uuidv7 } from 'uuid';
import { applyLeadPatch, changedFields, mergeCaptureIntoLead, newLeadFromCapture } from '../leads';
import { registrableDomain } from '../domain';
import { Lead, SCHEMA_VERSION, type Capture, type LeadPatch, type PageCapture } from '../schema';
import type { LeadRow, SidecarDatabase } from './database';
import { nextStamp } from './device-clock';
import { nextLeadCode } from './lead-code';
import { normaliseForSearch, searchKeysFor } from './search-keys';

export interface ClipPreview {
  /** The lead as it would be saved: the existing one with the capture merged in, or a new draft. */
  lead: Lead;
  isNew: boolean;
  /** Fields that the capture adds to an existing lead. */
  addedFields: string[];
}

export interface LeadStoreOptions {
  now?: () => Date;
}

/** The one place that reads and writes leads; only the background holds an instance. */
export class LeadStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: SidecarDatabase,
    options: LeadStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async findByDomain(domain: string): Promise<Lead | undefined> {
    const row = await this.db.leads.get({ domain: domain.toLowerCase() });
    return row && !row.deletedAt ? toLead(row) : undefined;
  }

  async findForUrl(url: string): Promise<Lead | undefined> {
    const domain = registrableDomain(url);
    return domain ? this.findByDomain(domain) : undefined;
  }

  async get(id: string): Promise<Lead | undefined> {
    const row = await this.db.leads.get(id);
    return row && !row.deletedAt ? toLead(row) : undefined;
  }

  async recent(limit: number): Promise<Lead[]> {
    const rows = await this.db.leads
      .orderBy('updatedAt')
      .reverse()
      .filter((row) => !row.deletedAt)
      .limit(limit)
      .toArray();
    return rows.map(toLead);
  }

  /** Prefix search over every word of the name, and over any part of a Chinese name. */
  async search(query: string, limit: number): Promise<Lead[]> {
    const prefix = normaliseForSearch(query).trim();
    if (!prefix) return this.recent(limit);
    const rows = await this.db.leads
      .where('searchKeys')
      .startsWith(prefix)
      .distinct()
      .filter((row) => !row.deletedAt)
      .limit(limit)
      .toArray();
    return rows.map(toLead);
  }

  /** What saving this capture would produce, without writing anything. */
  async previewClip(capture: PageCapture): Promise<ClipPreview> {
    const existing = capture.domain ? await this.findByDomain(capture.domain) : undefined;
    const now = this.now();
    if (!existing) {
      const draft = newLeadFromCapture({
        id: uuidv7(),
        code: `LX${now.getUTCFullYear()}000`,
        capture,
        stamp: '0000000000000-0000-draft',
        now: now.toISOString(),
        ownerId: null,
      });
      return { lead: draft, isNew: true, addedFields: [] };
    }
    const patch = mergeCaptureIntoLead(existing, capture);
    const merged = applyLeadPatch(existing, patch, '0000000000000-0000-draft', now.toISOString());
    return { lead: merged, isNew: false, addedFields: changedFields(existing, patch) };
  }

  /**
   * Saves a capture and the rep's edits as one atomic write: the company's existing lead (same registrable
   * domain) gets what is new, otherwise a lead is created. Returns the stored lead.
   */
  async saveClip(capture: PageCapture, edits: LeadPatch, ownerId: string | null): Promise<Lead> {
    const { db } = this;
    return db.transaction('rw', [db.leads, db.captures, db.meta], async () => {
      const now = this.now();
      const nowIso = now.toISOString();
      const stamp = await nextStamp(db, now.getTime());
      const existing = capture.domain ? await this.findByDomain(capture.domain) : undefined;
      let lead: Lead;
      if (existing) {
        lead = applyLeadPatch(existing, mergeCaptureIntoLead(existing, capture), stamp, nowIso);
      } else {
        const code = await nextLeadCode(db, now.getUTCFullYear());
        lead = newLeadFromCapture({ id: uuidv7(), code, capture, stamp, now: nowIso, ownerId });
      }
      // The domain is the company's identity; an edit may not move the lead onto another company's key.
      const { domain: _ignored, ...safeEdits } = edits;
      lead = Lead.parse(applyLeadPatch(lead, safeEdits, stamp, nowIso));
      await db.leads.put(toRow(lead));
      const stored: Capture = { ...capture, id: uuidv7(), schemaVersion: SCHEMA_VERSION, leadId: lead.id, capturedAt: nowIso };
      await db.captures.add(stored);
      return lead;
    });
  }

  /**
   * Stores many validated leads in one transaction (imports, and the first pull from the team backend).
   * All or nothing: one invalid lead or a duplicate domain rejects the whole batch and writes nothing.
   */
  async importLeads(leads: Lead[]): Promise<number> {
    const rows = leads.map((lead) => toRow(Lead.parse(lead)));
    await this.db.transaction('rw', this.db.leads, () => this.db.leads.bulkPut(rows));
    return rows.length;
  }

  /** Applies the rep's edits to a stored lead. */
  async update(id: string, edits: LeadPatch): Promise<Lead | undefined> {
    const { db } = this;
    return db.transaction('rw', [db.leads, db.meta], async () => {
      const existing = await this.get(id);
      if (!existing) return undefined;
      const now = this.now();
      const stamp = await nextStamp(db, now.getTime());
      const { domain: _ignored, ...safeEdits } = edits;
      const patched = applyLeadPatch(existing, safeEdits, stamp, now.toISOString());
      if (patched === existing) return existing;
      const lead = Lead.parse(patched);
      await db.leads.put(toRow(lead));
      return lead;
    });
  }
}

export function toRow(lead: Lead): LeadRow {
  return { ...lead, searchKeys: searchKeysFor(lead.name, lead.legalName) };
}

function toLead(row: LeadRow): Lead {
  const { searchKeys: _derived, ...lead } = row;
  return lead;
}
