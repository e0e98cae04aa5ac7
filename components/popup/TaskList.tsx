import { useState } from 'react';
import { isMessageKey, type Translate } from '@/lib/i18n';
import { sendMessage, type ErrorValue } from '@/lib/messaging';
import type { TaskDraft } from '@/lib/playbook';
import type { Task } from '@/lib/schema';
import { inputClass } from '../Field';
import { formatWhen } from './format';

const PRIORITY_STYLE = {
  urgent_important: 'bg-red-100 text-red-800',
  important: 'bg-amber-100 text-amber-900',
  urgent: 'bg-orange-100 text-orange-900',
  neither: 'bg-gray-100 text-gray-700',
} as const;

interface Props {
  tasks: readonly Task[];
  proposals: readonly TaskDraft[];
  now: number;
  t: Translate;
  onChanged: () => void;
  onError: (error: ErrorValue) => void;
}

/** The lead's open tasks, and the playbook's proposals the rep accepts as they are or edited. */
export function TaskList({ tasks, proposals, now, t, onChanged, onError }: Props) {
  const done = async (id: string) => {
    const answer = await sendMessage('task.change', { id, change: { status: 'done' } });
    if (answer.ok) onChanged();
    else onError(answer.error);
  };
  return (
    <section className="space-y-1.5 text-xs" data-testid="tasks">
      <h3 className="font-medium text-gray-700">{t('popupTasks')}</h3>
      {tasks.length === 0 ? <p className="text-gray-500">{t('popupNoTasks')}</p> : null}
      <ul className="space-y-1">
        {tasks.map((task) => (
          <li key={task.id} className="flex items-center gap-2" data-testid="task">
            <PriorityTag priority={task.priority} t={t} />
            <span className="min-w-0 flex-1">
              <span className="block truncate">{task.title}</span>
              <span className={Date.parse(task.dueAt) < now ? 'text-red-700' : 'text-gray-500'}>{formatWhen(task.dueAt)}</span>
            </span>
            <button type="button" className="rounded border border-gray-300 px-1.5 py-0.5" onClick={() => void done(task.id)}>
              {t('popupTaskDone')}
            </button>
          </li>
        ))}
      </ul>
      {proposals.length > 0 ? (
        <>
          <h3 className="pt-1 font-medium text-gray-700">{t('popupProposed')}</h3>
          <ul className="space-y-1.5">
            {proposals.map((draft) => (
              <ProposalRow key={`${draft.kind}:${draft.activityId ?? ''}`} draft={draft} t={t} onChanged={onChanged} onError={onError} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function draftTitle(draft: TaskDraft, t: Translate): string {
  return isMessageKey(draft.titleKey) ? t(draft.titleKey, draft.params) : draft.kind;
}

function ProposalRow({ draft, t, onChanged, onError }: { draft: TaskDraft; t: Translate; onChanged: () => void; onError: (error: ErrorValue) => void }) {
  const [title, setTitle] = useState(() => draftTitle(draft, t));
  const [due, setDue] = useState(() => toLocalInput(draft.dueAt));
  const accept = async () => {
    const dueAt = due ? new Date(due).toISOString() : undefined;
    const answer = await sendMessage('task.accept', { draft, edits: { title, dueAt: dueAt === draft.dueAt ? undefined : dueAt } });
    if (answer.ok) onChanged();
    else onError(answer.error);
  };
  return (
    <li className="space-y-1 rounded border border-dashed border-gray-300 p-1.5" data-testid="proposal" data-kind={draft.kind}>
      <div className="flex items-center gap-2">
        <PriorityTag priority={draft.priority} t={t} />
        <input aria-label={t('popupTaskTitle')} className={inputClass} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="flex items-center gap-2">
        <input aria-label={t('popupTaskDue')} type="datetime-local" className={inputClass} value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="button" disabled={!title.trim()} className="shrink-0 rounded bg-brand-600 px-2 py-1 font-medium text-white disabled:opacity-50" onClick={() => void accept()}>
          {t('popupAccept')}
        </button>
      </div>
    </li>
  );
}

function PriorityTag({ priority, t }: { priority: Task['priority']; t: Translate }) {
  return (
    <span className={`shrink-0 rounded px-1 py-0.5 text-[10px] ${PRIORITY_STYLE[priority]}`} data-priority={priority}>
      {t(`priority_${priority}`)}
    </span>
  );
}

/** An instant as a datetime-local input shows it: the rep's local time, to the minute. */
export function toLocalInput(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
