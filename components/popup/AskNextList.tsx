import type { Translate } from '@/lib/i18n';
import type { AskFact } from '@/lib/score';

/** The facts still missing, the most points at stake first: what the rep should find out on the next touch. */
export function AskNextList({ facts, t }: { facts: readonly AskFact[]; t: Translate }) {
  return (
    <section data-testid="ask-next" className="rounded bg-amber-50 p-2 text-xs text-amber-900">
      <h3 className="font-medium">{t('popupAskNext')}</h3>
      {facts.length === 0 ? (
        <p>{t('popupNothingToAsk')}</p>
      ) : (
        <ul className="list-disc pl-4">
          {facts.map((fact) => (
            <li key={fact}>{t(`ask_${fact}`)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
