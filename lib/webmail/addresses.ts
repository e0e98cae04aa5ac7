import { LIMITS } from './limits';
import type { MailAddress } from './types';

/** Deliberately plain: a local part, an @, and a dotted host with a letter TLD (what zod's z.email accepts). */
const ADDRESS = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;
/** "Name <addr>", "Name<addr>", "<addr>", "addr (Name)". */
const ANGLE = /^(.*?)<\s*([^<>\s]+)\s*>\s*$/s;
const PAREN = /^([^\s()]+@[^\s()]+)\s*\(([^()]*)\)$/;

/** A lower-cased, syntax-checked address, or null for anything else ("undisclosed-recipients:;", "Bo"). */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const address = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (address.length > LIMITS.addressChars || address.length < 3) return null;
  return ADDRESS.test(address) ? address : null;
}

/** A display name tidied for storage: quotes and spacing gone, null when empty or just the address again. */
export function cleanName(raw: string | null | undefined, address?: string): string | null {
  if (!raw) return null;
  const name = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  if (!name || name.toLowerCase() === address) return null;
  return name.slice(0, LIMITS.nameChars);
}

/** One mailbox as text: "Jane Doe <jane@acme.com>", "jane@acme.com", "jane@acme.com (Jane)". Null when no valid address. */
export function parseMailbox(text: string): MailAddress | null {
  const trimmed = text.trim().slice(0, 1_000);
  const angle = ANGLE.exec(trimmed);
  if (angle) {
    const address = normalizeAddress(angle[2]);
    return address ? { name: cleanName(angle[1], address), address } : null;
  }
  const paren = PAREN.exec(trimmed);
  if (paren) {
    const address = normalizeAddress(paren[1]);
    return address ? { name: cleanName(paren[2], address), address } : null;
  }
  const address = normalizeAddress(trimmed);
  return address ? { name: null, address } : null;
}

/**
 * A mailbox from an element's `email` and `name` attributes, as Gmail writes them on `span.gD`/`span.g2`
 * (gmail.js, InboxSDK gmail-message-view.ts).
 */
export function mailboxFromAttributes(address: string | null, name: string | null): MailAddress | null {
  const normalized = normalizeAddress(address);
  return normalized ? { name: cleanName(name, normalized), address: normalized } : null;
}

export interface AddressList {
  addresses: MailAddress[];
  /** Entries that named nobody reachable: a name without an address, or a malformed address. */
  malformed: number;
}

/**
 * "Ann <a@x.com>; Bo <b@y.com>, c@z.com": split on the separators outside angle brackets and quotes,
 * de-duplicated by address, at most `max` kept. Reading stops after `max * 4` entries (bounded work).
 */
export function parseAddressList(text: string, max: number = LIMITS.recipients): AddressList & { overflow: number } {
  const seen = new Set<string>();
  const addresses: MailAddress[] = [];
  let malformed = 0;
  let overflow = 0;
  let entries = 0;
  for (const entry of splitEntries(text.slice(0, max * 400))) {
    if (++entries > max * 4) break;
    const mailbox = parseMailbox(entry);
    if (!mailbox) malformed++;
    else if (seen.has(mailbox.address)) continue;
    else if (addresses.length >= max) overflow++;
    else {
      seen.add(mailbox.address);
      addresses.push(mailbox);
    }
  }
  return { addresses, malformed, overflow };
}

/**
 * Entries split on separators outside angle brackets and quotes. "Doe, Jane <jane@acme.com>", as Outlook
 * writes names, is one entry: a fragment without an @ before a comma joins the bracketed entry after it.
 */
function splitEntries(text: string): string[] {
  const raw: Array<{ entry: string; comma: boolean }> = [];
  let start = 0;
  let angle = false;
  let quote = false;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (char === '"') quote = !quote;
    else if (char === '<') angle = true;
    else if (char === '>') angle = false;
    else if (i === text.length || ((char === ';' || char === ',' || char === '；' || char === '，') && !angle && !quote)) {
      raw.push({ entry: text.slice(start, i).trim(), comma: char === ',' || char === '，' });
      start = i + 1;
    }
  }
  const entries: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const { entry, comma } = raw[i]!;
    const next = raw[i + 1];
    if (entry && comma && !entry.includes('@') && next && /<[^<>]*@/.test(next.entry) && !next.entry.trimStart().startsWith('<')) {
      next.entry = `${entry}, ${next.entry}`;
      continue;
    }
    if (entry) entries.push(entry);
  }
  return entries;
}
