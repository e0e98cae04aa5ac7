import type { Translate } from '@/lib/i18n';
import type { DraftNoteCode } from '@/lib/webmail';

const KEY = {
  'participant-cap': 'webmailNote_participant_cap',
  'malformed-participant': 'webmailNote_malformed_participant',
  'excluded-participant': 'webmailNote_excluded_participant',
  'body-withheld': 'webmailNote_body_withheld',
  'summary-cut': 'webmailNote_summary_cut',
  'no-date': 'webmailNote_no_date',
  'subject-cut': 'webmailNote_subject_cut',
} as const satisfies Record<DraftNoteCode, string>;

/** What the draft left out and why (privacy, caps): said plainly, never dropped silently. */
export function DraftNotes({ notes, t }: { notes: ReadonlyArray<{ code: DraftNoteCode; count: number }>; t: Translate }) {
  if (notes.length === 0) return null;
  return (
    <ul className="list-disc pl-4 text-xs text-amber-800" data-testid="draft-notes">
      {notes.map((note) => (
        <li key={note.code}>{t(KEY[note.code], { count: note.count })}</li>
      ))}
    </ul>
  );
}
