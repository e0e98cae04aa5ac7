import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorNote } from '@/components/ErrorNote';
import { useTranslate } from '@/components/use-translate';
import { sendMessage, type ErrorValue, type ResponseOf } from '@/lib/messaging';
import type { WebmailCompany } from '@/lib/messaging/webmail-protocol';
import type { Lead } from '@/lib/schema';
import type { ComposeRead, MailAddress, ThreadRead } from '@/lib/webmail';
import { CompanyCard } from './CompanyCard';
import { ComposeCompanies } from './ComposeCompanies';
import { LeadPicker } from './LeadPicker';
import { LogEmailForm, type LogRequest, type LogTarget } from './LogEmailForm';
import { SkipNotes } from './SkipNotes';

type View = ResponseOf<'webmail.view'>;
const WEBMAIL_NAMES = { gmail: 'Gmail', outlook: 'Outlook' } as const;
const REASON_KEYS = {
  'no-thread-id': 'webmailReason_no_thread_id',
  'no-messages': 'webmailReason_no_messages',
  'no-readable-message': 'webmailReason_no_readable_message',
} as const;

/**
 * The webmail panel: the leads of the open thread's companies, "Log this email" in two clicks (open the form,
 * save), "Create lead" for a company without one, and, when the thread could not be read, a plain statement
 * and logging by hand pre-filled from what was read. While a new email is written, its recipients' leads.
 */
export function WebmailPanel({ read, account, compose = null }: { read: ThreadRead | null; account: string | null; compose?: ComposeRead | null }) {
  const t = useTranslate();
  const [open, setOpen] = useState(true);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [formLeadId, setFormLeadId] = useState<string | null>(null);
  // A lead the rep found by search, for a thread that named none (logging by hand).
  const [picked, setPicked] = useState<Lead | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  // Threads change under the panel: an answer for a thread no longer shown is dropped.
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (!read) return;
    const ticket = ++latest.current;
    const answer = await sendMessage('webmail.view', { read, account });
    if (ticket !== latest.current) return;
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setView(answer.data);
  }, [read, account]);

  useEffect(() => {
    setView(null);
    setFormLeadId(null);
    setPicked(null);
    setStatus('');
    setError(null);
    void load();
  }, [load]);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-l bg-brand-600 px-2 py-1 font-sans text-xs font-medium text-white shadow-lg" data-testid="webmail-toggle">
        {t('webmailShow')}
      </button>
    );
  }

  const leads = uniqueLeads(view?.companies ?? []);
  const okDrafts = view?.drafts.flatMap((d) => (d.status === 'ok' ? [d] : [])) ?? [];
  const newestExcluded = view?.drafts.at(-1)?.status === 'excluded';
  const target: LogTarget | null = !view
    ? null
    : view.status === 'unreadable' && view.manual
      ? { kind: 'manual', draft: view.manual.draft, notes: view.manual.notes }
      : okDrafts.length > 0
        ? { kind: 'thread', drafts: okDrafts }
        : null;
  const loggedLeadId = okDrafts.at(-1)?.loggedLeadId ?? null;

  async function save(request: LogRequest) {
    if (!read) return;
    setBusy(true);
    setError(null);
    const answer =
      read.status === 'unreadable' && request.manual
        ? await sendMessage('webmail.logManual', { webmail: read.webmail, partial: read.partial, leadId: request.leadId, ...request.manual, edits: request.edits })
        : read.status === 'ok' && request.messageId
          ? await sendMessage('webmail.log', { thread: read.thread, messageId: request.messageId, leadId: request.leadId, account, edits: request.edits })
          : null;
    setBusy(false);
    if (!answer) return;
    if (!answer.ok) return setError(answer.error);
    const { created, task, lead } = answer.data;
    const said = created ? t('webmailSaved', { lead: lead.name }) : t('webmailAlreadyLogged', { lead: lead.name });
    setStatus(task ? `${said} ${t('webmailTaskCreated', { date: new Date(task.dueAt).toLocaleString() })}` : said);
    setFormLeadId(null);
    setPicked(null);
    // A thread that was read is shown again with the record in its lead's last touches; an unreadable one is not
    // read again (that would count the same failure twice).
    if (read.status === 'ok') await load();
  }

  async function createLead(company: WebmailCompany) {
    const candidates = candidatesOf(read, company);
    if (candidates.length === 0) return;
    setBusy(true);
    setError(null);
    const answer = await sendMessage('webmail.createLead', { domain: company.domain, candidates, account });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    await load();
  }

  return (
    <aside aria-label="Sidecar" className="flex max-h-[calc(100vh-96px)] w-[340px] flex-col rounded-l border border-gray-200 bg-white font-sans text-sm text-gray-900 shadow-2xl" data-testid="webmail-panel">
      <header className="flex items-center justify-between border-b border-gray-200 bg-brand-50 px-3 py-2">
        <h1 className="text-sm font-semibold text-brand-700">{t('webmailPanelTitle')}</h1>
        <button type="button" onClick={() => setOpen(false)} className="rounded px-2 py-0.5 text-xs text-gray-600 hover:bg-brand-100">
          {t('webmailHide')}
        </button>
      </header>
      <div className="flex-1 space-y-2 overflow-y-auto px-3 py-2">
        <ErrorNote error={error} t={t} />
        {status ? (
          <p role="status" className="text-xs text-green-700" data-testid="webmail-status">
            {status}
          </p>
        ) : null}
        {!read && compose ? (
          <ComposeCompanies compose={compose} account={account} t={t} />
        ) : !read ? (
          <p className="text-gray-500">{t('webmailNoThread')}</p>
        ) : !view ? (
          error ? null : <p className="text-gray-500">{t('webmailReading')}</p>
        ) : (
          <>
            {view.status === 'unreadable' ? (
              <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900" data-testid="webmail-unreadable">
                {t('webmailUnreadable', { reason: t(REASON_KEYS[view.reason ?? 'no-messages']), webmail: WEBMAIL_NAMES[read.status === 'ok' ? read.thread.webmail : read.webmail] })}
              </p>
            ) : null}
            {newestExcluded ? <p className="rounded bg-gray-100 p-2 text-xs text-gray-700">{t('webmailExcluded')}</p> : null}
            {read.status === 'ok' ? <SkipNotes notes={read.thread.skipped} t={t} /> : null}
            {view.skipped.map((note) => (
              <p key={note} className="text-xs text-amber-800">
                {note}
              </p>
            ))}
            <h2 className="text-xs font-medium text-gray-600">{t('webmailCompanies')}</h2>
            {view.companies.length === 0 ? <p className="text-xs text-gray-500">{t('webmailNoCompanies')}</p> : null}
            {view.companies.map((company) => (
              <div key={`${company.domain}:${company.match?.lead.id ?? ''}`} className="space-y-2">
                <CompanyCard
                  company={company}
                  loggedHere={company.match !== null && company.match.lead.id === loggedLeadId}
                  busy={busy || target === null}
                  onLog={(leadId) => setFormLeadId(leadId)}
                  onCreateLead={candidatesOf(read, company).length > 0 ? () => void createLead(company) : null}
                  t={t}
                />
                {target && formLeadId && company.match?.lead.id === formLeadId ? (
                  <LogEmailForm key={formLeadId} target={target} leads={leads} leadId={formLeadId} busy={busy} onSave={(r) => void save(r)} onCancel={() => setFormLeadId(null)} t={t} />
                ) : null}
              </div>
            ))}
            {view.status === 'unreadable' && leads.length === 0 && target ? (
              <div className="space-y-2">
                <p className="text-xs text-gray-600">{t('webmailChooseLead')}</p>
                {picked ? (
                  <LogEmailForm key={picked.id} target={target} leads={[picked]} leadId={picked.id} busy={busy} onSave={(r) => void save(r)} onCancel={() => setPicked(null)} t={t} />
                ) : (
                  <LeadPicker onPick={setPicked} t={t} />
                )}
              </div>
            ) : null}
          </>
        )}
      </div>
    </aside>
  );
}

/** Each lead once, in the order the companies are shown. */
function uniqueLeads(companies: readonly WebmailCompany[]): Lead[] {
  const seen = new Map<string, Lead>();
  for (const company of companies) if (company.match && !seen.has(company.match.lead.id)) seen.set(company.match.lead.id, company.match.lead);
  return [...seen.values()];
}

/** The company's newest messages on the thread (sender and text, for the signature); else its first person. */
function candidatesOf(read: ThreadRead | null, company: WebmailCompany): Array<{ person: MailAddress; bodyText: string }> {
  const addresses = new Set(company.people.map((p) => p.address));
  if (read?.status === 'ok') {
    const messages = [...read.thread.messages].reverse().filter((m) => addresses.has(m.sender.address)).slice(0, 5);
    if (messages.length > 0) return messages.map((m) => ({ person: m.sender, bodyText: m.bodyText }));
  }
  const person = company.people[0];
  if (!person) return [];
  return [{ person, bodyText: read?.status === 'unreadable' ? (read.partial.bodyText ?? '') : '' }];
}
