import { useState } from 'react';
import { Field, inputClass } from '@/components/Field';
import type { Translate } from '@/lib/i18n';
import type { EmailLogEdits, WebmailMessageDraft } from '@/lib/messaging/webmail-protocol';
import { Feedback, Mood, Stage, type Lead } from '@/lib/schema';
import type { EmailActivityDraft } from '@/lib/webmail';
import { editsFrom, formStateOf, localInputValue, type EmailFormState } from './email-form-state';
import { DraftNotes } from './DraftNotes';

type OkDraft = Extract<WebmailMessageDraft, { status: 'ok' }>;

/** What the form logs: one message of a thread that was read, or what could be read of one that was not. */
export type LogTarget = { kind: 'thread'; drafts: OkDraft[] } | { kind: 'manual'; draft: EmailActivityDraft; notes: OkDraft['notes'] };

export interface ManualFields {
  subject: string | null;
  direction: 'inbound' | 'outbound';
  occurredAt: string;
}

export interface LogRequest {
  leadId: string;
  messageId: string | null;
  edits: EmailLogEdits;
  manual: ManualFields | null;
}

/**
 * "Log this email": the newest message's draft, with what the background kept of its body as the summary the rep
 * edits, BANT, mood, feedback, a stage move, the next step and the next follow-up date (which becomes a task).
 */
export function LogEmailForm({ target, leads, leadId: initialLeadId, busy, onSave, onCancel, t }: {
  target: LogTarget;
  leads: Lead[];
  leadId: string;
  busy: boolean;
  onSave: (request: LogRequest) => void;
  onCancel: () => void;
  t: Translate;
}) {
  const drafts = target.kind === 'thread' ? target.drafts : [];
  const [messageId, setMessageId] = useState<string | null>(drafts.at(-1)?.messageId ?? null);
  const current = target.kind === 'thread' ? (drafts.find((d) => d.messageId === messageId) ?? drafts.at(-1)!).draft : target.draft;
  const [form, setForm] = useState<EmailFormState>(() => formStateOf(current));
  const [leadId, setLeadId] = useState(initialLeadId);
  const [manual, setManual] = useState<ManualFields>({
    subject: current.subject,
    direction: current.direction,
    occurredAt: current.occurredAt,
  });
  const lead = leads.find((l) => l.id === leadId) ?? leads[0];
  const update = (patch: Partial<EmailFormState>) => setForm((f) => ({ ...f, ...patch }));
  const chooseMessage = (id: string) => {
    setMessageId(id);
    const chosen = drafts.find((d) => d.messageId === id);
    if (chosen) setForm((f) => ({ ...f, summary: chosen.draft.summary }));
  };
  const notes = target.kind === 'thread' ? (drafts.find((d) => d.messageId === messageId)?.notes ?? []) : target.notes;

  return (
    <form
      className="space-y-2 rounded border border-brand-100 bg-brand-50 p-2"
      data-testid="log-email-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!lead) return;
        onSave({ leadId: lead.id, messageId: target.kind === 'thread' ? messageId : null, edits: editsFrom(form), manual: target.kind === 'manual' ? manual : null });
      }}
    >
      {leads.length > 1 ? (
        <Field label={t('webmailLead')}>
          <select className={inputClass} name="leadId" value={lead?.id ?? ''} onChange={(e) => setLeadId(e.target.value)}>
            {leads.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.domain ?? l.code})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {target.kind === 'thread' && drafts.length > 1 ? (
        <Field label={t('webmailMessage')}>
          <select className={inputClass} name="messageId" value={messageId ?? ''} onChange={(e) => chooseMessage(e.target.value)}>
            {drafts.map((d) => (
              <option key={d.messageId} value={d.messageId}>
                {t('webmailFrom', { name: d.sender.name ?? d.sender.address, date: new Date(d.draft.occurredAt).toLocaleString() })}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {target.kind === 'manual' ? (
        <>
          <Field label={t('webmailSubject')}>
            <input className={inputClass} name="subject" maxLength={300} value={manual.subject ?? ''} onChange={(e) => setManual({ ...manual, subject: e.target.value || null })} />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label={t('webmailDirection')}>
              <select className={inputClass} name="direction" value={manual.direction} onChange={(e) => setManual({ ...manual, direction: e.target.value === 'outbound' ? 'outbound' : 'inbound' })}>
                <option value="inbound">{t('direction_inbound')}</option>
                <option value="outbound">{t('direction_outbound')}</option>
              </select>
            </Field>
            <Field label={t('webmailDate')}>
              <input
                className={inputClass}
                type="datetime-local"
                name="occurredAt"
                value={localInputValue(manual.occurredAt)}
                onChange={(e) => e.target.value && setManual({ ...manual, occurredAt: new Date(e.target.value).toISOString() })}
              />
            </Field>
          </div>
        </>
      ) : null}
      <DraftNotes notes={notes} t={t} />
      <Field label={t('webmailSummary')}>
        <textarea className={inputClass} name="summary" rows={4} maxLength={20_000} value={form.summary} onChange={(e) => update({ summary: e.target.value })} />
      </Field>
      <details className="text-xs">
        <summary className="cursor-pointer text-gray-700">{t('webmailBant')}</summary>
        <div className="mt-1 space-y-1">
          {(['background', 'painPoints', 'needs', 'value'] as const).map((key) => (
            <Field key={key} label={t(`bant_${key}`)}>
              <input className={inputClass} name={key} maxLength={2000} value={form[key]} onChange={(e) => update({ [key]: e.target.value })} />
            </Field>
          ))}
        </div>
      </details>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t('webmailMood')}>
          <select className={inputClass} name="mood" value={form.mood} onChange={(e) => update({ mood: e.target.value })}>
            <option value="">{t('webmailNone')}</option>
            {Mood.options.map((m) => (
              <option key={m} value={m}>
                {t(`mood_${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('webmailFeedback')}>
          <select className={inputClass} name="feedback" value={form.feedback} onChange={(e) => update({ feedback: e.target.value })}>
            <option value="">{t('webmailNone')}</option>
            {Feedback.options.map((f) => (
              <option key={f} value={f}>
                {t(`feedback_${f}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('webmailStage')}>
        <select className={inputClass} name="stageTo" value={form.stageTo} onChange={(e) => update({ stageTo: e.target.value })}>
          <option value="">{lead ? t('webmailStageKeep', { stage: t(`stage_${lead.stage}`) }) : t('webmailNone')}</option>
          {Stage.options
            .filter((s) => s !== lead?.stage)
            .map((s) => (
              <option key={s} value={s}>
                {t(`stage_${s}`)}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('webmailNextStep')}>
        <input className={inputClass} name="nextStep" maxLength={300} value={form.nextStep} onChange={(e) => update({ nextStep: e.target.value })} />
      </Field>
      <Field label={t('webmailNextFollowUp')}>
        <input className={inputClass} type="datetime-local" name="nextFollowUp" value={form.nextFollowUp} onChange={(e) => update({ nextFollowUp: e.target.value })} />
      </Field>
      <div className="flex justify-end gap-2">
        <button type="button" className="rounded px-2 py-1 text-gray-700 hover:bg-gray-100" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy || !lead} className="rounded bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-50" data-testid="save-email-log">
          {busy ? t('webmailSaving') : t('webmailSave')}
        </button>
      </div>
    </form>
  );
}
