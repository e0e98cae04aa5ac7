import type { Translate } from '@/lib/i18n';
import type { SkipCode, SkipNote } from '@/lib/webmail';

const KEY = {
  collapsed: 'webmailSkip_collapsed',
  'hidden-older': 'webmailSkip_hidden_older',
  'message-cap': 'webmailSkip_message_cap',
  'body-cut': 'webmailSkip_body_cut',
  'thread-body-cap': 'webmailSkip_thread_body_cap',
  'recipient-cap': 'webmailSkip_recipient_cap',
  'malformed-address': 'webmailSkip_malformed_address',
  'no-sender-address': 'webmailSkip_no_sender_address',
  'provisional-id': 'webmailSkip_provisional_id',
  'no-message-id': 'webmailSkip_no_message_id',
} as const satisfies Record<SkipCode, string>;

/** What the adapter left unread on the page (collapsed messages, caps on huge threads): said, never dropped silently. */
export function SkipNotes({ notes, t }: { notes: readonly SkipNote[]; t: Translate }) {
  if (notes.length === 0) return null;
  return (
    <p className="text-xs text-gray-600" data-testid="webmail-skipped">
      {t('webmailSkipped')} {notes.map((note) => t(KEY[note.code], { count: note.count })).join('; ')}
    </p>
  );
}
