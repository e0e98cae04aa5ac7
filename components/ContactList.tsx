import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue, type ResponseOf, type Result } from '@/lib/messaging';
import { DecisionRole, type Contact } from '@/lib/schema';
import { inputClass } from './Field';

type LeadView = ResponseOf<'contact.update'>;

/** What editing people needs: the saved lead, which people are stored, and where answers go. */
export interface ContactEditing {
  leadId: string;
  savedIds: ReadonlySet<string>;
  onChanged: (view: LeadView) => void;
  onError: (error: ErrorValue) => void;
}

/**
 * The lead's people, with their numbers as stored (masked when the team masks them) and where each was found.
 * With `editing`, the rep sets each stored person's role in the decision (what decision-chain clarity scores),
 * removes a wrongly read one and adds people by hand.
 */
export function ContactList({ contacts, t, editing }: { contacts: readonly Contact[]; t: Translate; editing?: ContactEditing }) {
  const masked = contacts.some((contact) => contact.phones.some((phone) => phone.includes('*')));
  if (contacts.length === 0 && !editing) return null;
  /** Passes the background's answer on; true when the change was made. */
  const answer = async (sent: Promise<Result<LeadView>>): Promise<boolean> => {
    const result = await sent;
    if (result.ok) editing?.onChanged(result.data);
    else editing?.onError(result.error);
    return result.ok;
  };
  return (
    <section className="space-y-1" data-testid="contacts">
      <h2 className="text-xs font-medium text-gray-600">{t('contacts')}</h2>
      {contacts.length > 0 ? (
        <ul className="divide-y divide-gray-100 rounded border border-gray-200">
          {contacts.map((contact) => {
            const editable = editing?.savedIds.has(contact.id) ?? false;
            return (
              <li key={contact.id} className="space-y-1 px-2 py-1.5 text-xs" data-testid="contact">
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
                {editable ? (
                  <div className="flex items-center gap-2">
                    <select
                      aria-label={t('contactRole')}
                      name="decisionRole"
                      className="rounded border border-gray-300 px-1 py-0.5 text-xs"
                      value={contact.decisionRole}
                      onChange={(e) => void answer(sendMessage('contact.update', { id: contact.id, edits: { decisionRole: DecisionRole.parse(e.target.value) } }))}
                    >
                      {DecisionRole.options.map((role) => (
                        <option key={role} value={role}>
                          {t(`role_${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="text-red-700 underline" onClick={() => void answer(sendMessage('contact.remove', { id: contact.id }))}>
                      {t('contactRemove')}
                    </button>
                  </div>
                ) : contact.decisionRole !== 'unknown' ? (
                  <p className="text-gray-600">{t(`role_${contact.decisionRole}`)}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {masked ? <p className="text-xs text-gray-500">{t('contactPhonesMasked')}</p> : null}
      {editing ? <AddContactForm t={t} onAdd={(contact) => answer(sendMessage('contact.add', { leadId: editing.leadId, contact }))} /> : null}
    </section>
  );
}

/** A person the rep met or heard of: a name, and what else is known. */
function AddContactForm({ t, onAdd }: { t: Translate; onAdd: (contact: { name: string; title: string | null; phones: string[]; emails: string[]; decisionRole: DecisionRole }) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ name: '', title: '', phone: '', email: '', decisionRole: 'unknown' as DecisionRole });
  if (!open) {
    return (
      <button type="button" className="text-xs text-brand-700 underline" onClick={() => setOpen(true)}>
        {t('contactAdd')}
      </button>
    );
  }
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  return (
    <div className="grid grid-cols-2 gap-1.5 rounded border border-gray-200 p-2 text-xs" data-testid="add-contact">
      <input className={inputClass} name="contactName" placeholder={t('contactName')} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      <input className={inputClass} name="contactTitle" placeholder={t('contactTitle')} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
      <input className={inputClass} name="contactPhone" placeholder={t('contactPhone')} value={draft.phone} onChange={(e) => set({ phone: e.target.value })} />
      <input className={inputClass} name="contactEmail" type="email" placeholder={t('contactEmail')} value={draft.email} onChange={(e) => set({ email: e.target.value })} />
      <select className={inputClass} name="contactRole" aria-label={t('contactRole')} value={draft.decisionRole} onChange={(e) => set({ decisionRole: DecisionRole.parse(e.target.value) })}>
        {DecisionRole.options.map((role) => (
          <option key={role} value={role}>
            {t(`role_${role}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!draft.name.trim()}
        className="rounded bg-brand-600 px-2 py-1 font-medium text-white disabled:opacity-50"
        onClick={() =>
          void onAdd({
            name: draft.name.trim(),
            title: draft.title.trim() || null,
            phones: draft.phone.trim() ? [draft.phone.trim()] : [],
            emails: draft.email.trim() ? [draft.email.trim()] : [],
            decisionRole: draft.decisionRole,
          }).then((added) => {
            // A refused person (an email that is not one) stays in the form to be corrected.
            if (!added) return;
            setDraft({ name: '', title: '', phone: '', email: '', decisionRole: 'unknown' });
            setOpen(false);
          })
        }
      >
        {t('contactAddSave')}
      </button>
    </div>
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
