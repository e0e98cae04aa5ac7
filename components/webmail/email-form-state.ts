import type { EmailLogEdits } from '@/lib/messaging/webmail-protocol';
import { Feedback, Mood, Stage } from '@/lib/schema';
import type { EmailActivityDraft } from '@/lib/webmail';

/** The log form as the rep edits it: strings for every input, converted to the background's shapes on save. */
export interface EmailFormState {
  summary: string;
  background: string;
  painPoints: string;
  needs: string;
  value: string;
  mood: string;
  feedback: string;
  stageTo: string;
  nextStep: string;
  /** `<input type="datetime-local">` value, in the rep's local time ("2026-11-26T09:00"). */
  nextFollowUp: string;
}

export function formStateOf(draft: EmailActivityDraft): EmailFormState {
  return {
    summary: draft.summary,
    background: draft.bant.background ?? '',
    painPoints: draft.bant.painPoints ?? '',
    needs: draft.bant.needs ?? '',
    value: draft.bant.value ?? '',
    mood: draft.mood ?? '',
    feedback: draft.feedback ?? '',
    stageTo: '',
    nextStep: draft.nextStep ?? '',
    nextFollowUp: '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The form as the background's edits; an empty field is "not said", a local date-time becomes an instant. */
export function editsFrom(form: EmailFormState): EmailLogEdits {
  const due = form.nextFollowUp ? new Date(form.nextFollowUp) : null;
  return {
    summary: form.summary,
    bant: { background: orNull(form.background), painPoints: orNull(form.painPoints), needs: orNull(form.needs), value: orNull(form.value) },
    mood: form.mood ? Mood.parse(form.mood) : null,
    feedback: form.feedback ? Feedback.parse(form.feedback) : null,
    stageTo: form.stageTo ? Stage.parse(form.stageTo) : null,
    nextStep: orNull(form.nextStep),
    nextFollowUpAt: due && !Number.isNaN(due.getTime()) ? due.toISOString() : null,
  };
}

/** "2026-11-26T09:00" for an instant, in local time: what a datetime-local input shows. */
export function localInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
