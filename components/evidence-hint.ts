import { isMessageKey, type Translate } from '@/lib/i18n';
import type { Suggestion } from '@/lib/schema';

const MAX_SNIPPET = 40;

/** "description: finance, loans": why enrichment proposed a value, short enough for a field's hint. */
export function evidenceHint(suggestion: Suggestion | undefined, t: Translate): string | undefined {
  if (!suggestion) return undefined;
  const key = `basis_${suggestion.evidence.basis}`;
  const basis = isMessageKey(key) ? t(key) : suggestion.evidence.basis;
  const snippet = suggestion.evidence.snippet;
  return t('enrichedFrom', { basis, snippet: snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET)}…` : snippet });
}
