import { v7 as uuidv7 } from 'uuid';
import { companyKeyOf, companyNameKeys } from '../dedup';
import { BUILTIN_PROVIDERS, enrichCapture, type EnrichmentProvider } from '../enrich';
import { applyCaptureMerge, applyLeadPatch, capturedValues, contactsFromCapture, mergeCaptureIntoLead, mergeLeads, newLeadFromCapture } from '../leads';
import { maskCapture, maskPersonalPhones } from '../privacy';
import { Contact, Lead, SCHEMA_VERSION, type Capture, type Hlc, type LeadPatch, type PageCapture, type Suggestion } from '../schema';
import { ContactEditor } from './contact-edits-store';
import { dexieReads, findByCreditCode, findByDomainIn, findByOtherDomain, findPossibleDuplicates, leadById, liveContactsOf, toLead, type KeyReads, type PossibleDuplicate } from './company-lookup';
import { CoreTransaction } from './core-transaction';
import type { LeadRow, SidecarDatabase } from './database';
import { nextStamp, tickClock } from './device-clock';
import { LeadStoreError, StoreErrorCode } from './errors';
import { formatLeadCode, takeLeadCode } from './lead-code';
import { loadWriteCaches } from './write-caches';
import { writesOver } from './sync-capture';
import { poolRankOf } from './pool-rank';
import { normaliseForSearch, searchKeysFor } from './search-keys';

export interface ClipPreview {
  /** The lead as it would be saved: the existing one with the capture merged in, or a new draft. */
  lead: Lead;
  isNew: boolean;
  /** Fields that the capture adds to (or improves on) an existing lead. */
  addedFields: string[];
  /** The lead's contacts as they would be saved, the page's people included. */
  contacts: Contact[];
  /** Which of `contacts` are stored already (the others are the page's new people): only these can be edited. */
  savedContactIds: string[];
  /** Other leads that are probably the same company (same normalised name, or credit code). */
  possibleDuplicates: PossibleDuplicate[];
  /** What enrichment made of the page, with its evidence. */
  suggestions: Suggestion[];
}

export interface ClipOptions {
  /** shared/domain.md §7: store people's numbers masked (default); the team can turn it off. */
  maskPhones?: boolean;
  /** File the capture into this lead: the rep confirmed it is the same company under another domain. */
  intoLeadId?: string;
}

export interface LeadStoreOptions {
  now?: () => Date;
  /** Enrichment providers run on every clip; the built-in ones need no network. */
  providers?: readonly EnrichmentProvider[];
}

/** The one place that reads and writes leads; only the background holds an instance. */
export class LeadStore {
  private readonly now: () => Date;
  private readonly providers: readonly EnrichmentProvider[];
  /** The rep's hand edits of a lead's people. */
  readonly people: ContactEditor;

  constructor(
    private readonly db: SidecarDatabase,
    options: LeadStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.providers = options.providers ?? BUILTIN_PROVIDERS;
    this.people = new ContactEditor(db);
  }

  async findByDomain(domain: string): Promise<Lead | undefined> {
    return findByDomainIn(dexieReads(this.db), domain.toLowerCase());
  }

  /**
   * The company lead of a page: by the company key of its URL (lib/dedup), also among leads' other domains.
   * Asked for every tab the rep opens (the toolbar badge), so the other domains are read only on a miss.
   */
  async findForUrl(url: string): Promise<Lead | undefined> {
    const key = companyKeyOf(url);
    if (!key) return undefined;
    return (await this.findByDomain(key)) ?? findByOtherDomain(this.db, key);
  }

  /** The live contacts of a lead. */
  async contactsOf(leadId: string): Promise<Contact[]> {
    return liveContactsOf(dexieReads(this.db), leadId);
  }

  async get(id: string): Promise<Lead | undefined> {
    return leadById(dexieReads(this.db), id);
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
  async previewClip(capture: PageCapture, options: Pick<ClipOptions, 'maskPhones'> = {}): Promise<ClipPreview> {
    const { suggestions } = await enrichCapture(capture, this.providers);
    const maskPhones = options.maskPhones ?? true;
    const now = this.now();
    const stamp = DRAFT_STAMP;
    const key = companyKeyOf(capture.url);
    const existing = await this.findCompany(key, creditCodeOf(capture, suggestions));
    let lead: Lead;
    let addedFields: string[] = [];
    if (existing) {
      const merge = mergeCaptureIntoLead(existing, capture, { suggestions, maskPhones });
      lead = applyCaptureMerge(existing, merge, stamp, now.toISOString());
      addedFields = merge.fields;
    } else {
      lead = newLeadFromCapture({ id: uuidv7(), code: `LX${now.getUTCFullYear()}000`, capture, stamp, now: now.toISOString(), ownerId: null, domain: key, suggestions, maskPhones });
    }
    const known = existing ? await this.contactsOf(existing.id) : [];
    const changed = contactsFromCapture(known, capture.fields.people, this.contactWrite(lead, capture, stamp, now.toISOString(), maskPhones));
    const contacts = [...known.filter((contact) => !changed.some((c) => c.id === contact.id)), ...changed];
    const possibleDuplicates = await findPossibleDuplicates(this.db, lead);
    return { lead, isNew: !existing, addedFields, contacts, savedContactIds: known.map((contact) => contact.id), possibleDuplicates, suggestions };
  }

  /**
   * Saves a capture and the rep's edits as one atomic write: the company's existing lead (same company key,
   * one of its other domains, or its credit code) gets what is new, otherwise a lead is created; the page's
   * people become contacts. Enrichment runs first, outside the transaction. Returns the stored lead.
   */
  async saveClip(capture: PageCapture, edits: LeadPatch, ownerId: string | null, options: ClipOptions = {}): Promise<Lead> {
    const { db } = this;
    const { suggestions } = await enrichCapture(capture, this.providers);
    const maskPhones = options.maskPhones ?? true;
    const now = this.now();
    const nowIso = now.toISOString();
    const year = now.getUTCFullYear();
    await loadWriteCaches(db, year);
    // The sidebar's save is the hot write path: one transaction straight on Dexie's core (core-transaction.ts).
    return CoreTransaction.run(db, ['leads', 'captures', 'contacts', 'meta'], async (tx) => {
      const writes: Array<Promise<unknown>> = [];
      const key = companyKeyOf(capture.url);
      // The reads are independent, so they go out together: a save pays one round trip before it writes.
      const findLead = options.intoLeadId ? this.chosenLead(options.intoLeadId, key, tx) : this.findCompany(key, creditCodeOf(capture, suggestions), tx);
      const hasPeople = capture.fields.people.length > 0;
      // A new lead has no contacts yet; an existing one's are read as soon as it is found.
      const reads = Promise.all([findLead, hasPeople ? findLead.then((lead) => (lead ? liveContactsOf(tx, lead.id) : [])) : []]);
      // The clock is in memory (loadWriteCaches), so the stamp needs no read.
      const { stamp, lease } = tickClock(db, now.getTime(), tx);
      if (lease) writes.push(tx.write('meta', 'put', [lease]));
      // The domain is the company's identity; an edit may not move the lead onto another company's key.
      const { domain: _ignored, ...safeEdits } = edits;
      if (maskPhones && safeEdits.phones) safeEdits.phones = maskPersonalPhones(safeEdits.phones);
      const withEdits = (lead: Lead) => Lead.parse(applyLeadPatch(lead, safeEdits, stamp, nowIso));
      // Work that needs none of the reads is done while IndexedDB answers them: the evidence to store, and the lead
      // as it is if the company is new (most clips are; its code is taken once that is known), thrown away if the
      // lookup finds the company.
      const evidence = maskPhones ? maskCapture(capture) : capture;
      const draft = attempt(() => withEdits(newLeadFromCapture({ id: uuidv7(), code: formatLeadCode(year, 0), capture, stamp, now: nowIso, ownerId, domain: key, suggestions, maskPhones })));
      const [existing, known] = await reads;
      let lead: Lead;
      if (existing) {
        const merged = applyCaptureMerge(existing, mergeCaptureIntoLead(existing, capture, { suggestions, maskPhones }), stamp, nowIso);
        lead = withEdits(withCompanyKey(merged, key, stamp, nowIso));
      } else {
        if (draft instanceof Error) throw draft;
        const taken = takeLeadCode(db, year, tx);
        if (taken.lease) writes.push(tx.write('meta', 'put', [taken.lease]));
        lead = { ...draft, code: taken.code };
      }
      const stored: Capture = { ...evidence, id: uuidv7(), schemaVersion: SCHEMA_VERSION, leadId: lead.id, capturedAt: nowIso };
      // A new lead is an add, and an existing one was read above in this transaction: either way the sync outbox
      // needs no read of a stored copy (sync-capture.ts).
      writes.push(existing ? tx.write('leads', 'put', [writesOver(toRow(lead), existing)]) : tx.write('leads', 'add', [toRow(lead)]), tx.write('captures', 'add', [stored]));
      if (hasPeople) {
        const contacts = contactsFromCapture(known, capture.fields.people, this.contactWrite(lead, capture, stamp, nowIso, maskPhones));
        writes.push(tx.write('contacts', 'put', contacts.map((contact) => Contact.parse(contact))));
      }
      await Promise.all(writes);
      return lead;
    });
  }

  /**
   * Merges two leads the rep says are one company: `keepId` survives with the other's hand-typed values,
   * contacts, captures, activities, tasks and domain; the other becomes a tombstone pointing at it.
   */
  async mergeLeads(keepId: string, otherId: string): Promise<Lead> {
    const { db } = this;
    if (keepId === otherId) throw new LeadStoreError(StoreErrorCode.Conflict, 'A lead cannot be merged into itself.');
    return db.transaction('rw', [db.leads, db.contacts, db.captures, db.activities, db.tasks, db.meta], async () => {
      const [keep, other] = await Promise.all([this.get(keepId), this.get(otherId)]);
      if (!keep || !other) throw new LeadStoreError(StoreErrorCode.NotFound, 'One of the two leads no longer exists.');
      const now = this.now();
      const nowIso = now.toISOString();
      const stamp = await nextStamp(db, now.getTime());
      const merged = mergeLeads(keep, other, { keep: await this.contactsOf(keep.id), other: await this.contactsOf(other.id) }, stamp, nowIso);
      // The tombstone gives up its domain first: the unique index then lets the survivor take it.
      await db.leads.put(toRow(Lead.parse(merged.tombstone)));
      const lead = Lead.parse(merged.keep);
      await db.leads.put(toRow(lead));
      await db.contacts.bulkPut(merged.contacts.map((contact) => Contact.parse(contact)));
      await db.captures.where('leadId').equals(other.id).modify({ leadId: keep.id });
      const reparent = (record: { leadId: string; versions: Record<string, string>; updatedAt: string }) => {
        record.leadId = keep.id;
        record.versions = { ...record.versions, leadId: stamp };
        record.updatedAt = nowIso;
      };
      await db.activities.where('leadId').equals(other.id).modify(reparent);
      await db.tasks.where('leadId').equals(other.id).modify(reparent);
      return lead;
    });
  }

  /** The company's lead by its key (primary domain, then other domains), else by its credit code. */
  /** The company's lead by its domain, then a domain it took over in a merge, then its credit code; looked up at once. */
  private async findCompany(key: string | null, creditCode: string | null, reads: KeyReads = dexieReads(this.db)): Promise<Lead | undefined> {
    const [byDomain, byOtherDomain, byCreditCode] = await Promise.all([
      key ? findByDomainIn(reads, key) : undefined,
      key ? findByOtherDomain(this.db, key, reads) : undefined,
      creditCode ? findByCreditCode(this.db, creditCode, reads) : [],
    ]);
    return byDomain ?? byOtherDomain ?? byCreditCode[0];
  }

  /** The lead the rep chose to file a page into; refused when the page's company already has another lead. */
  private async chosenLead(id: string, key: string | null, reads: KeyReads = dexieReads(this.db)): Promise<Lead> {
    const [chosen, own] = await Promise.all([leadById(reads, id), this.findCompany(key, null, reads)]);
    if (!chosen) throw new LeadStoreError(StoreErrorCode.NotFound, 'That lead no longer exists.');
    if (own && own.id !== chosen.id) {
      throw new LeadStoreError(StoreErrorCode.Conflict, `This site already has its own lead (${own.code}); merge the two leads instead.`);
    }
    return chosen;
  }

  private contactWrite(lead: Lead, capture: PageCapture, stamp: Hlc, now: string, maskPhones: boolean) {
    return { leadId: lead.id, pageUrl: capture.url, stamp, now, ownerId: lead.ownerId, teamId: lead.teamId, maskPhones, newId: () => uuidv7() };
  }

  /**
   * Stores many new validated leads in one transaction (an import). All or nothing: one invalid lead, a
   * duplicate domain or an id already stored rejects the whole batch and writes nothing. New records only
   * (an add, not a put), so queueing them for sync needs no read of what was stored before.
   */
  async importLeads(leads: Lead[]): Promise<number> {
    const { db } = this;
    await db.transaction('rw', db.leads, async () => {
      // Each chunk is validated while IndexedDB stores the one before (in the browser's process), so a large
      // import goes at the pace of its writes. One transaction: an invalid lead anywhere rolls back them all.
      const writes: Array<Promise<unknown>> = [];
      try {
        for (let start = 0; start < leads.length; start += IMPORT_CHUNK) {
          writes.push(db.leads.bulkAdd(leads.slice(start, start + IMPORT_CHUNK).map((lead) => toRow(Lead.parse(lead)))));
        }
      } catch (error) {
        // The chunks already sent are rolled back with the transaction; their own rejections are not news.
        for (const write of writes) write.catch(() => undefined);
        throw error;
      }
      await Promise.all(writes);
    });
    return leads.length;
  }

  /** Applies the rep's edits to a stored lead. */
  async update(id: string, edits: LeadPatch, options: Pick<ClipOptions, 'maskPhones'> = {}): Promise<Lead | undefined> {
    const { db } = this;
    return db.transaction('rw', [db.leads, db.meta], async () => {
      const existing = await this.get(id);
      if (!existing) return undefined;
      const now = this.now();
      const stamp = await nextStamp(db, now.getTime());
      const { domain: _ignored, ...safeEdits } = edits;
      if ((options.maskPhones ?? true) && safeEdits.phones) safeEdits.phones = maskPersonalPhones(safeEdits.phones);
      const patched = applyLeadPatch(existing, safeEdits, stamp, now.toISOString());
      if (patched === existing) return existing;
      const lead = Lead.parse(patched);
      await db.leads.put(toRow(lead));
      return lead;
    });
  }
}

export function toRow(lead: Lead): LeadRow {
  const row: LeadRow = { ...lead, searchKeys: searchKeysFor(lead.name, lead.legalName), nameKeys: companyNameKeys(lead.name, lead.legalName) };
  // Only a live unowned lead has a pool key; a Lead passed in carries no stale one (toLead strips it).
  const poolRank = poolRankOf(lead);
  if (poolRank !== undefined) row.poolRank = poolRank;
  else delete row.poolRank;
  return row;
}

/** Leads validated per step of an import: small enough that the first step, which nothing overlaps, is short. */
const IMPORT_CHUNK = 2_000;

/** Stamps for previews, which are never stored. */
const DRAFT_STAMP: Hlc = '0000000000000-0000-draft';

/** The result, or the error it threw: for work done ahead that may turn out not to be needed. */
function attempt<T>(work: () => T): T | Error {
  try {
    return work();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function creditCodeOf(capture: PageCapture, suggestions: readonly Suggestion[]): string | null {
  return capturedValues(capture, suggestions).creditCode?.value ?? null;
}

/**
 * A page of the company under a key the lead does not have yet (filed by credit code or by the rep's choice):
 * the key becomes the lead's domain when it has none, else one of its other domains, so the next page there
 * files into the same lead.
 */
function withCompanyKey(lead: Lead, key: string | null, stamp: Hlc, now: string): Lead {
  if (!key || key === lead.domain || lead.otherDomains.includes(key)) return lead;
  const patch = lead.domain === null ? { domain: key } : { otherDomains: [...lead.otherDomains, key].slice(-20) };
  return applyLeadPatch(lead, patch, stamp, now, {});
}
