import type { Translate } from '@/lib/i18n';
import type { Contact } from '@/lib/schema';

/** The lead's people, with their numbers as stored (masked when the team masks them) and where each was found. */
export function ContactList({ contacts, t }: { contacts: readonly Contact[]; t: Translate }) {
  if (contacts.length === 0) return null;
  const masked = contacts.some((contact) => contact.phones.some((phone) => phone.includes('*')));
  return (
    <section className="space-y-1" data-testid="contacts">
      <h2 className="text-xs font-medium text-gray-600">{t('contacts')}</h2>
      <ul className="divide-y divide-gray-100 rounded border border-gray-200">
        {contacts.map((contact) => (
          <li key={contact.id} className="px-2 py-1.5 text-xs" data-testid="contact">
            <p className="font-medium text-gray-900">
              {contact.name}
              {contact.title ? <span className="font-normal text-gray-600"> · {contact.title}</span> : null}
            </p>
            {[...contact.phones, ...contact.emails].length > 0 ? <p className="text-gray-700">{[...contact.phones, ...contact.emails].join(' · ')}</p> : null}
            {contact.pageUrls[0] ? (
              <a className="text-brand-700 underline" href={contact.pageUrls[0]} target="_blank" rel="noreferrer noopener">
                {t('contactFoundOn', { page: pageLabel(contact.pageUrls[0]) })}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {masked ? <p className="text-xs text-gray-500">{t('contactPhonesMasked')}</p> : null}
    </section>
  );
}

function pageLabel(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname === '/' ? '' : pathname}`;
  } catch {
    return url;
  }
}
