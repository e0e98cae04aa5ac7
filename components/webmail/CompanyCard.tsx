import { StageLabel } from '@/components/StageLabel';
import { TierBadge } from '@/components/TierBadge';
import type { Translate } from '@/lib/i18n';
import type { WebmailCompany } from '@/lib/messaging/webmail-protocol';

const day = (iso: string) => new Date(iso).toLocaleDateString();

/**
 * One company on the thread: its lead with tier, stage, last touches and open tasks, and "Log this email"; or,
 * when it has no lead yet, "Create lead" from the domain and the sender's signature.
 */
export function CompanyCard({ company, loggedHere, busy, onLog, onCreateLead, t }: {
  company: WebmailCompany;
  /** The thread's message in the form is already logged on this lead. */
  loggedHere: boolean;
  busy: boolean;
  /** Null while the rep writes a new email: there is nothing to log yet. */
  onLog: ((leadId: string) => void) | null;
  onCreateLead: (() => void) | null;
  t: Translate;
}) {
  const { match } = company;
  const people = company.people.map((p) => p.name ?? p.address).join(', ');
  if (!match) {
    return (
      <section className="space-y-1 rounded border border-dashed border-gray-300 p-2" data-testid="webmail-company" data-domain={company.domain}>
        <p className="text-gray-700">{t('webmailNoLead', { domain: company.domain })}</p>
        {people ? <p className="truncate text-xs text-gray-500">{people}</p> : null}
        {onCreateLead ? (
          <button type="button" disabled={busy} onClick={onCreateLead} className="rounded border border-brand-600 px-2 py-1 text-brand-700 hover:bg-brand-50 disabled:opacity-50" data-testid="create-lead">
            {busy ? t('webmailCreating') : t('webmailCreateLead')}
          </button>
        ) : null}
      </section>
    );
  }
  const { lead, lastTouches, openTasks } = match;
  return (
    <section className="space-y-2 rounded border border-gray-200 p-2" data-testid="webmail-company" data-domain={company.domain} data-lead-id={lead.id}>
      <header className="flex items-center gap-2">
        <TierBadge tier={lead.tier} t={t} />
        <span className="flex-1 truncate font-medium" title={lead.name}>
          {lead.name}
        </span>
        <StageLabel stage={lead.stage} t={t} />
      </header>
      <p className="truncate text-xs text-gray-500">
        {company.domain}
        {people ? ` · ${people}` : ''}
      </p>
      <div className="text-xs">
        <p className="font-medium text-gray-600">{t('webmailLastTouches')}</p>
        {lastTouches.length === 0 ? (
          <p className="text-gray-500">{t('webmailNoTouches')}</p>
        ) : (
          <ul className="space-y-0.5" data-testid="last-touches">
            {lastTouches.map((touch) => (
              <li key={touch.id} className="truncate">
                {day(touch.occurredAt)} · {t(`channel_${touch.channel}`)} · {touch.subject ?? touch.summary}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="text-xs">
        <p className="font-medium text-gray-600">{t('webmailOpenTasks')}</p>
        {openTasks.length === 0 ? (
          <p className="text-gray-500">{t('webmailNoTasks')}</p>
        ) : (
          <ul className="space-y-0.5" data-testid="open-tasks">
            {openTasks.map((task) => (
              <li key={task.id} className="truncate">
                {task.title} · {t('webmailDue', { date: day(task.dueAt) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-center justify-between gap-2">
        {loggedHere ? <span className="text-xs text-green-700">{t('webmailLoggedOn', { lead: lead.name })}</span> : <span />}
        {onLog ? (
          <button type="button" disabled={busy} onClick={() => onLog(lead.id)} className="rounded bg-brand-600 px-2 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-50" data-testid="log-email">
            {t('webmailLogThis')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
