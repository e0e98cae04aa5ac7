import { applyLeadPatch, mergeLeads, newLeadFromCapture } from '@/lib/leads';
import { Contact, Lead, type Suggestion } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const NOW = '2026-11-23T12:00:00.000Z';
const STAMP = '1763899200000-0000-merge';
const suggestion = (value: string, confidence: number): Suggestion => ({ field: 'industry', value, confidence, provider: 'industry', evidence: { basis: 'description', snippet: '' } });
const leadOf = (id: string, url: string, domain: string, name: string, suggestions: Suggestion[] = []) =>
  newLeadFromCapture({ id, code: `LX2026${id.slice(-3)}`, capture: makeCapture({ url, domain, name, emails: [`info@${domain}`] }), stamp: '1763892000000-0000-a', now: '2026-11-23T10:00:00.000Z', ownerId: null, suggestions });
const contactOf = (id: string, leadId: string, name: string, emails: string[], phones: string[]): Contact =>
  Contact.parse({ id, schemaVersion: 1, teamId: null, ownerId: null, createdAt: NOW, updatedAt: NOW, deletedAt: null, versions: {}, leadId, name, title: null, phones, emails, preferredChannel: null, decisionRole: 'unknown', verified: false, notes: null, pageUrls: [] });

const keepId = '019a0f3e-5c00-7a00-8000-000000000001';
const otherId = '019a0f3e-5c00-7a00-8000-000000000002';

describe('merging two leads of one company (去重合并)', () => {
  const keep = applyLeadPatch(leadOf(keepId, 'https://www.acme.com/', 'acme.com', 'Acme Robotics', [suggestion('manufacturing', 0.4)]), { stage: 'initial_contact' }, '1763892000001-0000-rep', NOW);
  const other = applyLeadPatch(
    leadOf(otherId, 'https://www.acme.de/', 'acme.de', 'Acme Robotics GmbH', [suggestion('software', 0.8)]),
    { description: 'Met at Hannover Messe', needDescription: '20 robots in Q1', nextFollowUpAt: '2026-11-25T09:00:00.000Z' },
    '1763892000002-0000-rep',
    NOW,
  );

  it('keeps what the rep typed on either lead and the stronger captured evidence', () => {
    const { keep: merged } = mergeLeads(keep, other, { keep: [], other: [] }, STAMP, NOW);
    expect(Lead.parse(merged)).toEqual(merged);
    expect(merged.name).toBe('Acme Robotics');
    expect(merged.stage).toBe('initial_contact');
    expect(merged.description).toBe('Met at Hannover Messe');
    expect(merged.origins.description).toEqual({ by: 'rep' });
    expect(merged.needDescription).toBe('20 robots in Q1');
    expect(merged.nextFollowUpAt).toBe('2026-11-25T09:00:00.000Z');
    expect(merged.industry).toBe('software');
    expect(merged.emails).toEqual(['info@acme.com', 'info@acme.de']);
    expect(merged.code).toBe(keep.code);
    expect(merged.versions.description).toBe(STAMP);
  });

  it("files the other lead's domain under the survivor and leaves a tombstone pointing at it", () => {
    const { keep: merged, tombstone } = mergeLeads(keep, other, { keep: [], other: [] }, STAMP, NOW);
    expect(merged.domain).toBe('acme.com');
    expect(merged.otherDomains).toEqual(['acme.de']);
    expect(tombstone).toMatchObject({ id: otherId, deletedAt: NOW, mergedInto: keepId, domain: null });
  });

  it('moves the contacts over, folding the same person into one', () => {
    const anna = contactOf('019a0f3e-5c00-7a00-8000-00000000c001', keepId, 'Anna Schmidt', ['anna@acme.com'], []);
    const annaToo = contactOf('019a0f3e-5c00-7a00-8000-00000000c002', otherId, 'Anna Schmidt', [], ['+49 89 ****5678']);
    const bob = contactOf('019a0f3e-5c00-7a00-8000-00000000c003', otherId, 'Bob Meyer', ['bob@acme.de'], []);
    const { contacts } = mergeLeads(keep, other, { keep: [anna], other: [annaToo, bob] }, STAMP, NOW);
    const byId = new Map(contacts.map((c) => [c.id, c]));
    expect(byId.get(anna.id)).toMatchObject({ leadId: keepId, emails: ['anna@acme.com'], phones: ['+49 89 ****5678'] });
    expect(byId.get(annaToo.id)).toMatchObject({ deletedAt: NOW });
    expect(byId.get(bob.id)).toMatchObject({ leadId: keepId, deletedAt: null });
    expect(byId.get(bob.id)!.versions.leadId).toBe(STAMP);
  });

  it("keeps the survivor's tier override and never takes the duplicate's (a manager's word on one lead)", () => {
    const override = { tier: 'S' as const, reason: 'Strategic account', by: 'manager-1', at: NOW };
    const overridden = { ...other, tierOverride: override, versions: { ...other.versions, tierOverride: '1763892000003-0000-mgr' } };
    const { keep: merged } = mergeLeads(keep, overridden, { keep: [], other: [] }, STAMP, NOW);
    expect(merged.tierOverride ?? null).toBeNull();
    const { keep: kept } = mergeLeads({ ...keep, tierOverride: override }, other, { keep: [], other: [] }, STAMP, NOW);
    expect(kept.tierOverride).toEqual(override);
  });
});
