import { useCallback, useEffect, useState } from 'react';
import { type ErrorValue, type LeadCard, sendMessage } from '@/lib/messaging';

export type CardTarget = { leadId: string } | { url: string } | null;

/** The lead card of the page (or the lead named in the URL), reloaded on demand after an action. */
export function useLeadCard(target: CardTarget) {
  const [card, setCard] = useState<LeadCard | null | undefined>(undefined);
  const [error, setError] = useState<ErrorValue | null>(null);
  const key = target ? JSON.stringify(target) : null;
  const reload = useCallback(async () => {
    if (!target) return setCard(null);
    const answer = await sendMessage('lead.card', target);
    if (answer.ok) {
      setCard(answer.data.card);
      setError(null);
    } else {
      // Unknown, not "no lead": the error says why.
      setCard(undefined);
      setError(answer.error);
    }
    // `key` stands for `target`, which is a new object on every render.
  }, [key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { card, error, reload };
}

/** The current time, ticking, for countdowns. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
