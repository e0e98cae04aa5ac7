import { LeadStoreError, StoreErrorCode, type LeadStore } from '../db';
import { activitiesByExternalKeys, activitiesByKeyPrefix, addActivityOnce, type NewActivity } from '../db/activity-store';
import { resolveLocale, translator } from '../i18n';
import { ErrorCode, SidecarError, type Handlers, type MessageSender } from '../messaging';
import type { EmailLogEdits, WebmailCompany, WebmailMessageDraft } from '../messaging/webmail-protocol';
import { TaskKind, taskPriority } from '../playbook';
import type { Activity, Lead, Settings, Task } from '../schema';
import { countWebmailFailure, loadWebmailSettings, type WebmailSettings } from '../settings/webmail-settings-store';
import { masksContactPhones } from '../settings/phone-masking';
import {
  adapterForHost,
  buildEmailActivityDraft,
  buildManualEmailDraft,
  manualExternalKey,
  companyDomains,
  domainOfAddress,
  neverLogTest,
  parseSignature,
  threadKeyOf,
  threadParticipants,
  type EmailActivityDraft,
  type MailAddress,
  type OwnIdentity,
  type ParsedSignature,
  type UnreadableReason,
  type Webmail,
} from '../webmail';
import type { LeadTracker } from './lead-tracker';
import { leadsForDomains, leadSummary } from './webmail-leads';
import { captureFromSignature } from './webmail-signature-capture';

type WebmailMessage = 'webmail.view' | 'webmail.composeView' | 'webmail.log' | 'webmail.logManual' | 'webmail.createLead';
export type WebmailHandlers = Pick<Handlers, WebmailMessage>;

export interface WebmailHandlerDeps {
  leads: LeadStore;
  /** Tasks, histories and the database; the background always has one. */
  tracker: LeadTracker | null;
  /** The rep's settings (name for histories, phone masking, language of task titles). */
  settings: () => Promise<Settings>;
  webmailSettings?: () => Promise<WebmailSettings>;
  countFailure?: (webmail: Webmail, reason: UnreadableReason) => Promise<unknown>;
  /** Re-arms the reminder alarm after a follow-up date became a task. */
  onTasksChanged?: () => Promise<void>;
  currentOwnerId?: () => Promise<string | null>;
}

/** Companies matched per thread; a thread addressed to 200 companies is a newsletter, not a deal. */
const MAX_COMPANIES = 20;
const MAX_PEOPLE_SHOWN = 20;
/** Drafts offered for the newest messages: the one a rep logs is almost always among them. */
const RECENT_DRAFTS = 5;
/** Unreadable threads remembered so that one is counted once; past this the memory starts again. */
const MAX_COUNTED_THREADS = 1_000;
/** Tasks a logged outbound email completes: the touch they asked for happened. */
const DONE_BY_A_TOUCH: readonly string[] = [TaskKind.enum.first_response, TaskKind.enum.follow_up, TaskKind.enum.share_news];

/**
 * Webmail messages: what an open thread is to the rep (its companies' leads), logging a message on a lead once
 * however often it is asked (externalKey), logging by hand when the thread could not be read, and a lead made
 * from a sender's signature. Everything from the content script was parsed by the protocol's schemas already;
 * privacy (never-log list, body retention) is applied here, from the rep's settings, not by the page's script.
 */
export function webmailHandlers(deps: WebmailHandlerDeps): WebmailHandlers {
  const webmailSettings = deps.webmailSettings ?? loadWebmailSettings;
  const countFailure = deps.countFailure ?? countWebmailFailure;
  const onTasksChanged = deps.onTasksChanged ?? (async () => {});
  const currentOwnerId = deps.currentOwnerId ?? (async () => null);
  // A thread stays unreadable while the rep reads it, and its page mutates: each thread is counted once per run
  // of the background (a restarted worker may count it again), so the count is of threads, not of page updates.
  const counted = new Set<string>();
  const countOnce = async (webmail: Webmail, reason: UnreadableReason, key: string) => {
    if (counted.has(key)) return;
    if (counted.size >= MAX_COUNTED_THREADS) counted.clear();
    counted.add(key);
    await countFailure(webmail, reason);
  };
  const need = (): LeadTracker => {
    if (!deps.tracker) throw new SidecarError(ErrorCode.Internal, 'Logging emails is not available in this context.');
    return deps.tracker;
  };
  const liveLead = async (t: LeadTracker, id: string): Promise<Lead> => {
    const lead = await t.leads.get(id);
    if (!lead) throw new SidecarError(ErrorCode.NotFound, 'That lead no longer exists.');
    return lead;
  };
  const summaries = async (t: LeadTracker, domains: Array<{ domain: string; people: MailAddress[] }>): Promise<WebmailCompany[]> => {
    const leads = await leadsForDomains(t.db, domains.map(({ domain }) => domain));
    return Promise.all(
      domains.map(async ({ domain, people }, i) => {
        const lead = leads[i];
        return { domain, people: people.slice(0, MAX_PEOPLE_SHOWN), match: lead ? await leadSummary(t.db, lead) : null };
      }),
    );
  };

  /** Stores the record, its follow-up task and stage move together; then re-scores the lead and re-arms reminders. */
  const logOnLead = async (t: LeadTracker, lead: Lead, fields: NewActivity, edits: EmailLogEdits) => {
    const settings = await deps.settings();
    const t9n = translator(resolveLocale(settings.locale, undefined));
    const { db } = t;
    const written = await db.transaction('rw', [db.activities, db.tasks, db.leads, db.meta], async () => {
      const once = await addActivityOnce(db, fields, { ownerId: lead.ownerId, teamId: lead.teamId, now: t.now() });
      if (!once.created) return { ...once, task: null as Task | null, lead: (await t.leads.get(once.activity.leadId)) ?? lead };
      if (once.activity.direction === 'outbound') {
        for (const task of await t.tasks.openForLead(lead.id)) {
          if (task.kind && DONE_BY_A_TOUCH.includes(task.kind)) await t.tasks.setStatus(task.id, 'done');
        }
      }
      let task: Task | null = null;
      if (edits.nextFollowUpAt) {
        const kind = edits.nextStep ? TaskKind.enum.next_step : TaskKind.enum.follow_up;
        const title = edits.nextStep ?? t9n('webmailTaskTitle', { subject: once.activity.subject ?? lead.name });
        task = await t.tasks.add(
          {
            leadId: lead.id,
            title: title.slice(0, 300),
            dueAt: edits.nextFollowUpAt,
            remindAt: edits.nextFollowUpAt,
            assigneeId: null,
            priority: taskPriority(kind, lead.tier ?? 'B', false),
            status: 'open',
            activityId: once.activity.id,
            kind,
          },
          lead.ownerId,
          lead.teamId,
        );
      }
      // A rep's first email to a lead not contacted yet moves it to initial contact (shared/domain.md §4).
      const to = once.activity.stageChange?.to ?? (lead.stage === 'not_contacted' && once.activity.direction === 'outbound' ? 'initial_contact' : null);
      const moved = to && to !== lead.stage ? ((await t.leads.update(lead.id, { stage: to })) ?? lead) : lead;
      return { ...once, task, lead: moved };
    });
    if (!written.created) return written;
    const stored = await t.afterWrite(written.lead, await t.leads.contactsOf(written.lead.id), settings.repName.trim() || null);
    if (written.task) await onTasksChanged();
    return { ...written, lead: stored };
  };

  return {
    'webmail.composeView': async ({ compose, account }, sender) => {
      trustSender(sender);
      const t = need();
      const { privacy: _privacy, ...settings } = await webmailSettings();
      const { domains } = companyDomains([...compose.to, ...compose.cc, ...compose.bcc], ownIdentity(account, settings));
      const skipped = domains.length > MAX_COMPANIES ? [`${domains.length - MAX_COMPANIES} more companies among the recipients were not matched`] : [];
      return { companies: await summaries(t, domains.slice(0, MAX_COMPANIES)), skipped };
    },
    'webmail.view': async ({ read, account }, sender) => {
      trustSender(sender);
      const t = need();
      const { privacy, ...settings } = await webmailSettings();
      const own = ownIdentity(account, settings);
      const skipped: string[] = [];
      const bounded = (domains: Array<{ domain: string; people: MailAddress[] }>) => {
        if (domains.length > MAX_COMPANIES) skipped.push(`${domains.length - MAX_COMPANIES} more companies on the thread were not matched`);
        return domains.slice(0, MAX_COMPANIES);
      };
      if (read.status === 'unreadable') {
        // Counted where the rep can see it (the options page): the sign that the webmail changed its markup.
        await countOnce(read.webmail, read.reason, JSON.stringify([read.webmail, read.partial.threadId, read.partial.subject, sender.url ?? '']));
        const { domains, leftOut } = companyDomains(read.partial.addresses, own);
        const prior = read.partial.threadId ? await activitiesByKeyPrefix(t.db, `${threadKeyOf(read.webmail, read.partial.threadId)}:`) : [];
        return {
          status: 'unreadable' as const,
          reason: read.reason,
          companies: await summaries(t, bounded(domains)),
          leftOut: leftOut.slice(0, 200),
          threadLeadId: prior.at(-1)?.leadId ?? null,
          drafts: [],
          manual: buildManualEmailDraft(read.partial, privacy, t.now()),
          skipped,
        };
      }
      const { thread } = read;
      const { domains, leftOut } = companyDomains(threadParticipants(thread), own);
      const companies = await summaries(t, bounded(domains));
      // A reply joins the lead its thread was logged on, even when that lead is under another domain.
      const prior = await activitiesByKeyPrefix(t.db, `${threadKeyOf(thread.webmail, thread.threadId)}:`);
      const threadLeadId = prior.at(-1)?.leadId ?? null;
      if (threadLeadId && !companies.some((c) => c.match?.lead.id === threadLeadId)) {
        const lead = await t.leads.get(threadLeadId);
        if (lead) companies.unshift({ domain: lead.domain ?? '', people: [], match: await leadSummary(t.db, lead) });
      }
      const now = t.now();
      const built = thread.messages.slice(-RECENT_DRAFTS).map((message) => ({ message, result: buildEmailActivityDraft({ thread, messageId: message.messageId, own, privacy, now }) }));
      const logged = await activitiesByExternalKeys(
        t.db,
        built.flatMap(({ result }) => (result.status === 'ok' && result.draft.externalKey ? [result.draft.externalKey] : [])),
      );
      const drafts: WebmailMessageDraft[] = built.flatMap(({ message, result }): WebmailMessageDraft[] => {
        if (result.status === 'excluded') return [{ status: 'excluded', messageId: message.messageId, sender: message.sender }];
        if (result.status !== 'ok') return [];
        const existing: Activity | undefined = result.draft.externalKey ? logged.get(result.draft.externalKey) : undefined;
        return [
          {
            status: 'ok',
            messageId: message.messageId,
            sender: message.sender,
            draft: result.draft,
            notes: result.notes,
            loggedActivityId: existing?.id ?? null,
            loggedLeadId: existing?.leadId ?? null,
          },
        ];
      });
      companies.sort((a, b) => Number(b.match !== null) - Number(a.match !== null));
      return { status: 'ok' as const, reason: null, companies, leftOut: leftOut.slice(0, 200), threadLeadId, drafts, manual: null, skipped };
    },

    'webmail.log': async ({ thread, messageId, leadId, account, edits }, sender) => {
      trustSender(sender);
      const t = need();
      const { privacy, ...settings } = await webmailSettings();
      const result = buildEmailActivityDraft({ thread, messageId, own: ownIdentity(account, settings), privacy, now: t.now() });
      if (result.status === 'excluded') throw new SidecarError(ErrorCode.InvalidMessage, 'This sender is on your never-log list: nothing was logged.');
      if (result.status === 'no-such-message') throw new SidecarError(ErrorCode.NotFound, 'That message is no longer in the thread.');
      const lead = await liveLead(t, leadId);
      return logOnLead(t, lead, withEdits(result.draft, lead, edits), edits);
    },

    'webmail.logManual': async ({ webmail, partial, leadId, direction, occurredAt, subject, edits }, sender) => {
      trustSender(sender);
      const t = need();
      const { privacy } = await webmailSettings();
      const { draft } = buildManualEmailDraft(partial, privacy, t.now());
      const lead = await liveLead(t, leadId);
      // Keyed by what the page showed: logging the same unread thread again (a reload, a second tab) adds nothing.
      const manual = { ...draft, direction, occurredAt, subject: subject || draft.subject, externalKey: manualExternalKey(webmail, partial) };
      return logOnLead(t, lead, withEdits(manual, lead, edits), edits);
    },

    'webmail.createLead': async ({ domain, candidates, account }, sender) => {
      trustSender(sender);
      const t = need();
      const { privacy, ...settings } = await webmailSettings();
      const key = domain.toLowerCase();
      const neverLog = neverLogTest(privacy.neverLog);
      for (const { person } of candidates) {
        if (domainOfAddress(person.address) !== key) throw new SidecarError(ErrorCode.InvalidMessage, `${person.address} is not an address at ${key}.`);
        if (neverLog(person.address)) throw new SidecarError(ErrorCode.InvalidMessage, `${person.address} is on your never-log list.`);
      }
      const { domains, leftOut } = companyDomains(candidates.map((c) => c.person), ownIdentity(account, settings));
      if (domains.length === 0) {
        const reason = leftOut[0]?.reason ?? 'no-domain';
        throw new SidecarError(ErrorCode.InvalidMessage, LEFT_OUT_MESSAGE[reason] ?? `${key} is not a company domain.`);
      }
      // A robot or a nameless mailbox rarely signs: the fullest signature of the company's senders names the lead.
      const people = new Set(domains[0]!.people.map((p) => p.address));
      const { person, signature } = candidates
        .filter((c) => people.has(c.person.address))
        .map((c) => ({ person: c.person, signature: parseSignature(c.bodyText, { senderName: c.person.name, senderAddress: c.person.address }) }))
        .reduce((best, next) => (signatureWeight(next.signature) > signatureWeight(best.signature) ? next : best));
      const rep = await deps.settings();
      try {
        const saved = await t.leads.saveClip(captureFromSignature(key, person, signature), {}, await currentOwnerId(), { maskPhones: await masksContactPhones(rep) });
        return { lead: await t.afterWrite(saved, await t.leads.contactsOf(saved.id), rep.repName.trim() || null) };
      } catch (error) {
        if (error instanceof LeadStoreError) throw new SidecarError(error.code === StoreErrorCode.NotFound ? ErrorCode.NotFound : ErrorCode.InvalidMessage, error.message);
        throw error;
      }
    },
  };
}

const LEFT_OUT_MESSAGE: Record<string, string> = {
  own: 'That is your own company’s domain: its people are colleagues, not a lead.',
  'free-mail': 'That is a free-mail address: it says nothing of the sender’s company. Clip the company’s website instead.',
  automated: 'That is an automated sender (no-reply, notifications): not a lead.',
  'no-domain': 'That address has no company domain.',
};

/** Only the webmail content scripts and the extension's own pages may log emails. */
function trustSender(sender: MessageSender): void {
  if (sender.fromExtensionPage) return;
  let host = '';
  try {
    host = sender.url ? new URL(sender.url).host : '';
  } catch {
    host = '';
  }
  if (!adapterForHost(host)) throw new SidecarError(ErrorCode.InvalidMessage, 'Only the webmail pages can log emails.');
}

/** How much a parsed signature says about the company and the person. */
function signatureWeight(signature: ParsedSignature | null): number {
  if (!signature) return 0;
  return (signature.company ? 4 : 0) + (signature.title ? 2 : 0) + (signature.phones.length > 0 ? 1 : 0) + (signature.name ? 1 : 0);
}

function ownIdentity(account: string | null, settings: Pick<WebmailSettings, 'ownDomains'>): OwnIdentity {
  return { addresses: account ? [account.toLowerCase()] : [], domains: settings.ownDomains };
}

/** The background's draft with the rep's edits: the ids, participants, date and key stay as the background built them. */
function withEdits(draft: EmailActivityDraft, lead: Lead, edits: EmailLogEdits): NewActivity {
  return {
    ...draft,
    leadId: lead.id,
    summary: edits.summary,
    bant: edits.bant,
    mood: edits.mood,
    feedback: edits.feedback,
    stageChange: edits.stageTo && edits.stageTo !== lead.stage ? { from: lead.stage, to: edits.stageTo } : null,
    nextStep: edits.nextStep,
    nextFollowUpAt: edits.nextFollowUpAt,
  };
}
