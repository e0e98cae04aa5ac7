import { isMessageKey, type Translate } from '@/lib/i18n';
import type { ScoreEvidence } from '@/lib/score';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time as the rep reads a countdown: "1 d 3 h", "2 h 5 min", "12 min". */
export function formatDuration(ms: number, t: Translate): string {
  const span = Math.max(0, Math.abs(ms));
  if (span >= DAY) return t('durationDays', { days: Math.floor(span / DAY), hours: Math.floor((span % DAY) / HOUR) });
  if (span >= HOUR) return t('durationHours', { hours: Math.floor(span / HOUR), minutes: Math.floor((span % HOUR) / MINUTE) });
  return t('durationMinutes', { minutes: Math.ceil(span / MINUTE) });
}

/** An instant in the rep's own time zone and language. */
export function formatWhen(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

const amount = (value: string | number | undefined) => (typeof value === 'number' ? value.toLocaleString('en-US') : (value ?? ''));

/** One piece of score evidence in words, with where the fact came from when known. */
export function evidenceText(evidence: ScoreEvidence, t: Translate): string {
  const p = evidence.params;
  const params: Record<string, string | number> = { ...p };
  switch (evidence.key) {
    case 'employees':
      params.count = amount(p.count);
      break;
    case 'revenue':
    case 'registeredCapital':
      params.amount = amount(p.amount);
      break;
    case 'budget':
      params.range = budgetRange(p.min, p.max);
      break;
    case 'budgetFit':
      params.dealSize = amount(p.dealSize);
      break;
    case 'sizeBand':
      params.band = translated(t, `sizeBand_${p.band}`, String(p.band));
      break;
    case 'contactRole':
      params.role = translated(t, `role_${p.role}`, String(p.role));
      break;
    case 'currencyNotComparable':
      params.fact = translated(t, p.fact === 'budget' ? 'keyField_budget' : `basis_${p.fact}`, String(p.fact));
      break;
  }
  const text = t(`evidence_${evidence.key}`, params);
  if (p.origin === 'rep') return t('evidenceWithSource', { text, source: t('evidenceByRep') });
  if (p.origin === 'capture') return t('evidenceWithSource', { text, source: t('evidenceByCapture') });
  return text;
}

function budgetRange(min: string | number | undefined, max: string | number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? amount(min) : `${amount(min)}–${amount(max)}`;
  if (max !== undefined) return `≤ ${amount(max)}`;
  return `≥ ${amount(min)}`;
}

function translated(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}
