import { v7 as uuidv7 } from 'uuid';
import { newLeadFromCapture } from '@/lib/leads';
import { Activity, Contact, type Lead } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

/** Monday 23 November 2026, 10:00 in Beijing: the "now" of these tests. */
export const NOW = '2026-11-23T02:00:00.000Z';
export const NOW_MS = Date.parse(NOW);

const stampAt = (iso: string) => `${Date.parse(iso)}-0000-test`;

/**
 * A lead as a capture creates it, with `facts` set as the rep would type them at `writtenAt` (their clock
 * stamps say so, which is what "本月" in a timeline is read against).
 */
export function makeLead(facts: Partial<Lead> = {}, writtenAt: string = NOW): Lead {
  const created = newLeadFromCapture({ id: uuidv7(), code: 'LX2026001', capture: makeCapture(), stamp: stampAt('2026-11-01T00:00:00.000Z'), now: '2026-11-01T00:00:00.000Z', ownerId: 'rep-1' });
  const versions = { ...created.versions, ...Object.fromEntries(Object.keys(facts).map((field) => [field, stampAt(writtenAt)])) };
  return { ...created, ...facts, versions, updatedAt: writtenAt };
}

const synced = (at: string) => ({ schemaVersion: 1, teamId: null, ownerId: 'rep-1', createdAt: at, updatedAt: at, deletedAt: null, versions: {} });

export function makeContact(lead: Lead, name: string, decisionRole: Contact['decisionRole'], extra: Partial<Contact> = {}): Contact {
  return Contact.parse({
    ...synced(NOW),
    id: uuidv7(),
    leadId: lead.id,
    name,
    title: null,
    phones: [],
    emails: [],
    preferredChannel: null,
    decisionRole,
    verified: false,
    notes: null,
    pageUrls: [],
    ...extra,
  });
}

export function makeActivity(lead: Lead, occurredAt: string, summary: string, extra: Partial<Activity> = {}): Activity {
  return Activity.parse({
    ...synced(occurredAt),
    id: uuidv7(),
    leadId: lead.id,
    channel: 'phone',
    direction: 'outbound',
    occurredAt,
    participants: [],
    subject: null,
    summary,
    bant: { background: null, painPoints: null, needs: null, value: null },
    mood: null,
    feedback: null,
    stageChange: null,
    nextStep: null,
    nextFollowUpAt: null,
    externalKey: null,
    ...extra,
  });
}

export const cny = (min: number | undefined, max: number | undefined) => ({ min, max, currency: 'CNY' });
