import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { sendMessage, type ResponseOf } from '@/lib/messaging';

type Item = ResponseOf<'sync.lostValues'>['items'][number];

/**
 * "N of your values lost" opened up: which value of the rep's lost to a teammate's later edit, on which lead,
 * and what was kept, so the rep can put theirs back if it was right. Loaded when opened.
 */
export function LostValues({ t, count }: { t: Translate; count: number }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const load = async () => {
    if (items) return;
    const answer = await sendMessage('sync.lostValues', { limit: 20 });
    setItems(answer.ok ? answer.data.items : []);
  };
  return (
    <details className="text-xs text-gray-600" data-testid="lost-values" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary className="cursor-pointer">{t('syncLostShow', { count })}</summary>
      <ul className="mt-1 space-y-1">
        {(items ?? []).map((item, i) => (
          <li key={`${item.at}-${i}`}>
            <span className="font-medium">{item.leadName ?? t('syncLostUnknownLead')}</span> · {item.field}: {t('syncLostYours', { value: item.yours })}, {t('syncLostKept', { value: item.kept })}
          </li>
        ))}
      </ul>
    </details>
  );
}
