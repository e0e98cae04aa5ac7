import { useEffect, useState } from 'react';
import { ErrorNote } from '@/components/ErrorNote';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue, type ResponseOf } from '@/lib/messaging';
import type { ComposeRead } from '@/lib/webmail';
import { CompanyCard } from './CompanyCard';

type ComposeView = ResponseOf<'webmail.composeView'>;

/**
 * While the rep writes a new email: the companies it is addressed to, with their leads' tier, stage, last
 * touches and open tasks, so the rep writes knowing where each deal stands. Logging comes once it is sent and
 * shows in its thread.
 */
export function ComposeCompanies({ compose, account, t }: { compose: ComposeRead; account: string | null; t: Translate }) {
  const [view, setView] = useState<ComposeView | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const recipients = [...compose.to, ...compose.cc, ...compose.bcc].map((address) => address.address).join(',');

  useEffect(() => {
    let current = true;
    void sendMessage('webmail.composeView', { compose, account }).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setView(answer.data);
        setError(null);
      } else setError(answer.error);
    });
    return () => void (current = false);
    // Asked again only when the recipients change, not on every keystroke in the body.
  }, [recipients, account]);

  return (
    <div className="space-y-2" data-testid="webmail-compose">
      <ErrorNote error={error} t={t} />
      <h2 className="text-xs font-medium text-gray-600">{t('webmailWritingTo')}</h2>
      {view && view.companies.length === 0 ? <p className="text-xs text-gray-500">{t('webmailNoCompanies')}</p> : null}
      {view?.companies.map((company) => (
        <CompanyCard key={company.domain} company={company} loggedHere={false} busy={false} onLog={null} onCreateLead={null} t={t} />
      ))}
      {view?.skipped.map((note) => (
        <p key={note} className="text-xs text-amber-800">
          {note}
        </p>
      ))}
    </div>
  );
}
