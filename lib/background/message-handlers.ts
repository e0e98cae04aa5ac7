import { LeadStoreError, StoreErrorCode, type LeadStore } from '../db';
import { registrableDomain } from '../domain';
import { assessCompleteness, screenLead, type ScreeningRules } from '../enrich';
import { ErrorCode, SidecarError, type Handlers, type MessageSender } from '../messaging';
import { type Contact, type Lead, type LeadAssessment, type PageCapture, type Settings, type TeamSettings } from '../schema';
import { loadSettings, loadTeamSettings, masksContactPhones } from '../settings';
import { withCurrentTier } from './current-tier';
import type { LeadTracker } from './lead-tracker';
import { playbookHandlers } from './playbook-handlers';
import type { RescoreRunner } from './rescore-runner';
import { teamSettingsHandlers } from './team-settings-handlers';
import { openSidebar } from './open-sidebar';
import { webmailHandlers } from './webmail-handlers';
import { lostValueHandlers } from './lost-values';
import { poolHandlers } from './pool-handlers';
import { syncHandlers } from './sync-handlers';
import type { SyncScheduler } from './sync-scheduler';

/**
 * The domain is the lead's identity, so the background derives it from the captured URL itself, and a
 * content script may only file captures of the site it runs on.
 */
function trustedCapture(capture: PageCapture, sender: MessageSender): PageCapture {
  const domain = registrableDomain(capture.url);
  if (!sender.fromExtensionPage && sender.url !== undefined && registrableDomain(sender.url) !== domain) {
    throw new SidecarError(ErrorCode.InvalidMessage, 'A page can only clip itself.');
  }
  return { ...capture, domain };
}

export interface HandlerContext {
  /** The rep's settings (phone masking). */
  settings: () => Promise<Settings>;
  /** The team's screening criteria; the playbook's defaults until team settings sync (issue #6). */
  screeningRules: () => Promise<ScreeningRules>;
  /** Tier override and history, stage history, tasks (issue #4); without it a save only stores the scored tier. */
  tracker?: LeadTracker;
  /** Re-scores every lead after the team's settings change; without it settings are saved but leads keep their tiers. */
  rescorer?: RescoreRunner;
  /** Sends changed team settings to the team server when signed in (the server refuses a rep). */
  publishTeamSettings?: (settings: TeamSettings) => Promise<TeamSettings>;
  /** Re-arms the reminder alarm after tasks change. */
  onTasksChanged?: () => Promise<void>;
  /** Team sync (issue #6); without it the sync messages answer that sync is not available. */
  sync?: SyncScheduler;
}

const defaultContext: HandlerContext = {
  settings: loadSettings,
  screeningRules: async () => {
    const team = await loadTeamSettings();
    return { ...team.screening, currency: team.currency, exchangeRates: team.exchangeRates };
  },
};

export function messageHandlers(leads: LeadStore, currentOwnerId: () => Promise<string | null>, overrides: Partial<HandlerContext> = {}): Handlers {
  const context: HandlerContext = { ...defaultContext, ...overrides };
  const maskPhones = async () => masksContactPhones(await context.settings());
  const assess = async (lead: Lead, contacts: Contact[]): Promise<LeadAssessment> => ({
    completeness: assessCompleteness(lead, contacts),
    screening: screenLead(lead, await context.screeningRules()),
  });
  const repName = async () => (await context.settings()).repName.trim();
  const settle = async (lead: Lead, contacts: Contact[]) =>
    context.tracker ? context.tracker.afterWrite(lead, contacts, (await repName()) || null) : withCurrentTier(leads, lead, contacts);
  const view = async (saved: Lead) => {
    const contacts = await leads.contactsOf(saved.id);
    const lead = await settle(saved, contacts);
    return { lead, contacts, assessment: await assess(lead, contacts) };
  };
  return {
    ...playbookHandlers(context.tracker ?? null, repName, context.onTasksChanged),
    ...webmailHandlers({ leads, tracker: context.tracker ?? null, settings: context.settings, onTasksChanged: context.onTasksChanged, currentOwnerId }),
    ...teamSettingsHandlers(context.rescorer ?? null, context.publishTeamSettings, context.tracker?.db ?? null),
    ...syncHandlers(context.sync ?? null),
    ...lostValueHandlers(context.tracker?.db ?? null),
    ...poolHandlers(context.tracker?.db ?? null),
    'clip.preview': async ({ capture }, sender) => {
      const preview = await leads.previewClip(trustedCapture(capture, sender), { maskPhones: await maskPhones() });
      return { ...preview, assessment: await assess(preview.lead, preview.contacts) };
    },
    'clip.save': async ({ capture, edits, intoLeadId }, sender) => {
      const trusted = trustedCapture(capture, sender);
      const [ownerId, mask] = [await currentOwnerId(), await maskPhones()];
      return view(await storeCall(() => leads.saveClip(trusted, edits, ownerId, { maskPhones: mask, intoLeadId })));
    },
    'lead.merge': async ({ keepId, mergeId }) => view(await storeCall(() => leads.mergeLeads(keepId, mergeId))),
    'lead.forUrl': async ({ url }) => ({ lead: (await leads.findForUrl(url)) ?? null }),
    'lead.update': async ({ id, edits }) => {
      const updated = await leads.update(id, edits, { maskPhones: await maskPhones() });
      if (!updated) throw new SidecarError(ErrorCode.NotFound, 'That lead no longer exists.');
      return { lead: await settle(updated, await leads.contactsOf(id)) };
    },
    'contact.add': async ({ leadId, contact }) => {
      const options = { maskPhones: await maskPhones(), ownerId: await currentOwnerId() };
      return view((await storeCall(() => leads.people.add(leadId, contact, options))).lead);
    },
    'contact.update': async ({ id, edits }) => view((await storeCall(async () => leads.people.update(id, edits, { maskPhones: await maskPhones() }))).lead),
    'contact.remove': async ({ id }) => view((await storeCall(() => leads.people.remove(id))).lead),
    'lead.recent': async ({ limit }) => ({ leads: await leads.recent(limit) }),
    'lead.search': async ({ query, limit }) => ({ leads: await leads.search(query, limit) }),
    'sidebar.openInTab': async ({ tabId }, sender) => {
      // Only our own pages (the popup) may ask to script a tab; a content script inside a page may not.
      if (!sender.fromExtensionPage) throw new SidecarError(ErrorCode.InvalidMessage, 'Only the toolbar can open the sidebar.');
      await openSidebar(tabId);
      return { opened: true };
    },
  };
}

/** The store's refusals (a lead gone, a site that has its own lead) reach the UI as coded errors. */
async function storeCall<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof LeadStoreError)) throw error;
    throw new SidecarError(error.code === StoreErrorCode.NotFound ? ErrorCode.NotFound : ErrorCode.InvalidMessage, error.message, { cause: error });
  }
}
