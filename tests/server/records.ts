import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../lib/clock';
import type { Activity, Contact, Hlc, Lead, Task } from '../../lib/schema';
import { mergeableFields, type SyncTable } from '../../lib/sync/tables';

/** Increasing clock stamps for one device, starting at a fixed instant (tests never read the real clock). */
export function stamper(node: string, startMillis = Date.UTC(2026, 10, 1)): () => Hlc {
  let millis = startMillis;
  return () => formatHlc({ millis: ++millis, counter: 0, node });
}

const stampAll = (table: SyncTable, stamp: Hlc): Record<string, Hlc> => Object.fromEntries(mergeableFields(table).map((field) => [field, stamp]));
const NOW = '2026-11-01T00:00:00.000Z';

export function makeLead(stamp: Hlc, fields: Partial<Lead> = {}): Lead {
  return {
    id: uuidv7(),
    schemaVersion: 1,
    teamId: null,
    ownerId: null,
    createdAt: NOW,
    updatedAt: NOW,
    deletedAt: null,
    versions: stampAll('leads', stamp),
    code: 'LX2026001',
    name: 'Acme Robotics',
    legalName: null,
    domain: 'acme.com',
    otherDomains: [],
    creditCode: null,
    website: null,
    description: null,
    industry: null,
    region: null,
    employees: null,
    sizeBand: null,
    revenue: null,
    registeredCapital: null,
    foundingYear: null,
    registeredLocation: null,
    emails: [],
    phones: [],
    source: { kind: 'import' },
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
    origins: {},
    mergedInto: null,
    ...fields,
  };
}

export function makeActivity(stamp: Hlc, leadId: string, fields: Partial<Activity> = {}): Activity {
  return {
    id: uuidv7(),
    schemaVersion: 1,
    teamId: null,
    ownerId: null,
    createdAt: NOW,
    updatedAt: NOW,
    deletedAt: null,
    versions: stampAll('activities', stamp),
    leadId,
    channel: 'phone',
    direction: 'outbound',
    occurredAt: NOW,
    participants: [],
    subject: null,
    summary: 'Called the buyer',
    bant: { background: null, painPoints: null, needs: null, value: null },
    mood: null,
    feedback: null,
    stageChange: null,
    nextStep: null,
    nextFollowUpAt: null,
    externalKey: null,
    ...fields,
  };
}

export function makeContact(stamp: Hlc, leadId: string, fields: Partial<Contact> = {}): Contact {
  return {
    id: uuidv7(),
    schemaVersion: 1,
    teamId: null,
    ownerId: null,
    createdAt: NOW,
    updatedAt: NOW,
    deletedAt: null,
    versions: stampAll('contacts', stamp),
    leadId,
    name: 'Li Wei',
    title: null,
    phones: [],
    emails: [],
    preferredChannel: null,
    decisionRole: 'unknown',
    verified: false,
    notes: null,
    pageUrls: [],
    ...fields,
  };
}

export function makeTask(stamp: Hlc, leadId: string, fields: Partial<Task> = {}): Task {
  return {
    id: uuidv7(),
    schemaVersion: 1,
    teamId: null,
    ownerId: null,
    createdAt: NOW,
    updatedAt: NOW,
    deletedAt: null,
    versions: stampAll('tasks', stamp),
    leadId,
    title: 'Send the proposal',
    dueAt: NOW,
    remindAt: null,
    assigneeId: null,
    priority: 'important',
    status: 'open',
    activityId: null,
    kind: null,
    notifiedAt: null,
    ...fields,
  };
}
