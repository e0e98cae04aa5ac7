import type { TextEvidence } from '../schema';
import { snippetAround } from './page-text';

const EMAIL = /[a-z0-9._%+-]{1,64}@(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}/gi;
/** Image and asset names that look like addresses ("logo@2x.png"). */
const ASSET_SUFFIX = /\.(png|jpe?g|gif|svg|webp|ico|css|js|woff2?)$/i;
/** Placeholders and tracking services, never a company's contact. */
const IGNORED_DOMAINS = /(^|\.)(example\.(com|org|net)|domain\.com|email\.com|yourdomain\.com|sentry\.io|sentry-next\.wixpress\.com|wixpress\.com)$/i;
const MAX_EMAILS = 50;

export function isPlausibleEmail(address: string): boolean {
  const domain = address.split('@')[1] ?? '';
  return !ASSET_SUFFIX.test(address) && !IGNORED_DOMAINS.test(domain) && !/^\d+x$/i.test(domain.split('.')[0] ?? '');
}

/** Addresses from mailto: links (exact) and from the visible text, de-duplicated case-insensitively. */
export function extractEmails(doc: Document, text: string): TextEvidence[] {
  const found = new Map<string, TextEvidence>();
  const add = (raw: string, evidence: Omit<TextEvidence, 'value'>) => {
    const value = raw.trim().toLowerCase();
    if (found.size >= MAX_EMAILS || found.has(value) || !isPlausibleEmail(value)) return;
    if (!new RegExp(`^${EMAIL.source}$`, 'i').test(value)) return;
    found.set(value, { value, ...evidence });
  };
  for (const link of doc.querySelectorAll('a[href^="mailto:" i]')) {
    const href = link.getAttribute('href') ?? '';
    const address = decodeSafely(href.slice('mailto:'.length).split('?')[0] ?? '').split(',')[0] ?? '';
    add(address, { source: 'link', snippet: (link.textContent ?? address).trim().slice(0, 200), confidence: 0.95 });
  }
  for (const match of text.matchAll(EMAIL)) {
    add(match[0], { source: 'text', snippet: snippetAround(text, match.index, match[0].length), confidence: 0.85 });
  }
  return [...found.values()];
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
