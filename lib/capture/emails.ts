import type { EvidenceSource, TextEvidence } from '../schema';
import type { ContactLines } from './contact-lines';
import { MAIL_LABEL, emailConfidence, emailDomain, isPlausibleEmail, type SiteIdentity } from './email-rules';
import { shortText, textAround } from './nearby-text';
import { readPageLinks, type PageLink } from './page-links';

const MAX_EMAILS = 50;
const MAX_AT_SIGNS = 5_000;
const MAX_LINKS = 500;
const LOCAL_PART = /[a-z0-9._%+-]{1,64}$/i;
const DOMAIN_PART = /^(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}/i;
/** "name [at] domain [dot] com", "name(at)domain.com", "name｛at｝…": spaces are already collapsed to one. */
const BRACKETED_AT = / ?[[({（【<] ?(?:at|@|艾特) ?[\])}）】>] ?/gi;
const BRACKETED_DOT = / ?[[({（【<] ?(?:dot|\.|点) ?[\])}）】>] ?/gi;
/** "name at domain dot com": only with at least one " dot ", which prose does not write. */
const SPELLED_OUT = /(?<![\w.])([a-z0-9._%+-]{1,64}) at ((?:[a-z0-9-]{1,63} dot ){1,4}[a-z]{2,24})(?![\w.])/gi;
/** "name#domain.com", as Chinese sites write addresses to keep them from harvesters. */
const HASH_FOR_AT = /(?<![\w./#-])([a-z0-9._%+-]{1,64})#((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?![\w.-])/gi;
/** "请将#换成@", "replace # with @": the page says its # stands for @. */
/** Where Cloudflare's protected addresses link to. */
const PROTECTION_PATH = '/cdn-cgi/l/email-protection#';
const HASH_NOTE = /#\s*(?:换成|改成|改为|替换为|替换成|換成)\s*@|replace\s*#\s*with\s*@/i;

/** An address with the line of the page text it was read from (-1 when it came from markup), for people.ts. */
export interface FoundEmail extends TextEvidence {
  line: number;
}

/** An address from the page's structured data (JSON-LD email, microdata, hCard). */
export interface StructuredEmail {
  raw: string;
  source: EvidenceSource;
  snippet: string;
}

/**
 * Addresses from structured data, mailto: links (also on image-map areas), Cloudflare's protected
 * addresses and the visible text, written plainly or obfuscated ("name [at] domain [dot] com",
 * "name#domain.com"). Each is checked against the traps (placeholders, asset names, trackers) and
 * weighed by whose it is (`emailConfidence`); de-duplicated case-insensitively.
 */
export function extractEmails(
  doc: Document,
  lines: ContactLines,
  site: SiteIdentity,
  structured: StructuredEmail[] = [],
  links: readonly PageLink[] = readPageLinks(doc),
): FoundEmail[] {
  const found = new Map<string, FoundEmail>();
  const add: AddEmail = (raw, { context, block = '', fromLink, cap = 1, evidence }) => {
    const value = raw.trim().toLowerCase();
    const existing = found.get(value);
    if (existing) {
      if (existing.line < 0) existing.line = evidence.line;
      // Already trusted (a footer address repeated on every block): nothing more to learn.
      if (existing.confidence >= 0.9) return;
    }
    if (!isPlausibleEmail(value)) return;
    const trust = emailConfidence(value, context.toLowerCase(), site, fromLink, block.toLowerCase());
    if (trust === undefined) return;
    const confidence = Math.min(trust, cap);
    if (existing) existing.confidence = Math.max(existing.confidence, confidence);
    else if (found.size < MAX_EMAILS) found.set(value, { value, confidence, ...evidence });
  };

  for (const email of structured) {
    add(email.raw.replace(/^mailto:/i, ''), { context: '', fromLink: true, evidence: { source: email.source, snippet: email.snippet.slice(0, 500), line: -1 } });
  }
  let read = 0;
  for (let i = 0; i < links.length && read < MAX_LINKS; i++) {
    const { element: link, href } = links[i]!;
    if (!/^mailto:/i.test(href)) continue;
    read++;
    const { before, text, after } = textAround(link);
    const context = `${before} ${text} ${after}`.trim();
    const snippet = text || context;
    // A share link ("mailto:?subject=…&body=…") names no address and is skipped here.
    for (const address of mailtoAddresses(href)) {
      const evidence = { source: inFooter(link) ? ('footer' as const) : ('link' as const), snippet: snippet.slice(0, 200) || address, line: -1 };
      add(address, { context, block: blockOf(link), fromLink: true, evidence });
    }
  }
  readProtectedEmails(doc, links, add);
  readTextEmails(lines, site, add, () => found.size >= MAX_EMAILS);
  return [...found.values()];
}

/** One place an address was seen. */
interface Sighting {
  /** The line or inline text the address sits in. */
  context: string;
  /** The text around that: the lines above, the link's container. */
  block?: string;
  fromLink: boolean;
  /** The most confidence this sighting can give (a de-obfuscated address is a little less certain). */
  cap?: number;
  evidence: Omit<FoundEmail, 'value' | 'confidence'>;
}

type AddEmail = (raw: string, sighting: Sighting) => void;

/** The two lines above: a partner card's or a job ad's heading sits there. */
function linesAbove(lines: string[], index: number): string {
  return lines.slice(Math.max(0, index - 2), index).join(' ').slice(-300);
}

/** The text of the block a link sits in (a list item, a card), bounded. */
function blockOf(link: Element): string {
  const block = link.closest('li, p, td, dd, div, section, article');
  return block ? shortText(block, 300) : '';
}

function readTextEmails(lines: ContactLines, site: SiteIdentity, add: AddEmail, full: () => boolean): void {
  const hashMeansAt = lines.lines.some((line) => line.includes('#') && HASH_NOTE.test(line));
  let atSigns = 0;
  for (let i = 0; i < lines.lines.length && atSigns < MAX_AT_SIGNS && !full(); i++) {
    const original = lines.lines[i]!;
    const line = deobfuscate(original);
    const obfuscated = line !== original;
    for (let at = line.indexOf('@'); at >= 0 && atSigns < MAX_AT_SIGNS; at = line.indexOf('@', at + 1)) {
      atSigns++;
      const address = addressAround(line, at);
      if (!address) continue;
      const source = lines.inFooter(address.text) ? 'footer' : 'text';
      const snippet = lines.snippet(i, Math.max(0, original.indexOf(address.local)), at + 30);
      add(address.text, { context: line, block: linesAbove(lines.lines, i), fromLink: false, cap: obfuscated ? 0.85 : 1, evidence: { source, snippet, line: i } });
    }
    if (!original.includes('#')) continue;
    for (const match of original.matchAll(HASH_FOR_AT)) {
      const address = `${match[1]}@${match[2]}`;
      const labelled = MAIL_LABEL.test(original.slice(Math.max(0, match.index - 24), match.index));
      if (hashMeansAt || labelled || emailDomain(address) === site.domain) {
        const evidence = { source: 'text' as const, snippet: lines.snippet(i, match.index, match.index + match[0].length), line: i };
        add(address, { context: original.replace(match[0], address), block: linesAbove(lines.lines, i), fromLink: false, cap: 0.8, evidence });
      }
    }
  }
}

/** The address whose @ is at `at`, with a domain that ends at a real public suffix. */
function addressAround(line: string, at: number): { text: string; local: string } | undefined {
  const local = LOCAL_PART.exec(line.slice(Math.max(0, at - 64), at))?.[0]?.replace(/^[._%+-]+/, '');
  const domain = DOMAIN_PART.exec(line.slice(at + 1, at + 260))?.[0];
  if (!local || !domain) return undefined;
  for (const candidate of domainCandidates(domain)) {
    if (isPlausibleEmail(`${local}@${candidate}`)) return { text: `${local}@${candidate}`, local };
  }
  return undefined;
}

/**
 * Inline elements run words together ("info@acme.comPhone", "sales@acme.com.Fax"): when the whole
 * domain is not real, the part before a capital letter is tried too.
 */
function domainCandidates(domain: string): string[] {
  const candidates = [domain];
  const capital = /^(.*?\.[a-z]{2,24})[A-Z]/.exec(domain)?.[1];
  if (capital) candidates.push(capital);
  const lastDot = domain.lastIndexOf('.');
  if (/^[A-Z]/.test(domain.slice(lastDot + 1))) candidates.push(domain.slice(0, lastDot));
  return candidates;
}

function deobfuscate(line: string): string {
  if (!/[[({（【<＠]| at /i.test(line)) return line;
  return line
    .replace(/＠/g, '@')
    .replace(BRACKETED_AT, '@')
    .replace(BRACKETED_DOT, '.')
    .replace(SPELLED_OUT, (_match, local: string, domain: string) => `${local}@${domain.replace(/ dot /gi, '.')}`);
}

/** Cloudflare's email protection replaces addresses with a hex string XOR-ed with its first byte. */
function readProtectedEmails(doc: Document, links: readonly PageLink[], add: AddEmail): void {
  // The substring selector below scans every element's attributes: most pages have no protected address at all.
  if (!links.some((link) => !link.area && link.href.includes(PROTECTION_PATH)) && !doc.querySelector('[data-cfemail]')) return;
  const protectedNodes = doc.querySelectorAll('[data-cfemail], a[href*="/cdn-cgi/l/email-protection#"]');
  for (let i = 0; i < protectedNodes.length && i < MAX_LINKS; i++) {
    const node = protectedNodes[i]!;
    const hex = node.getAttribute('data-cfemail') ?? node.getAttribute('href')?.split('#')[1] ?? '';
    const address = decodeCloudflare(hex);
    if (!address) continue;
    const { before, text, after } = textAround(node);
    const context = `${before} ${text.replace(/\[email\s?protected\]/i, address)} ${after}`.trim();
    add(address, { context, fromLink: true, cap: 0.9, evidence: { source: 'text', snippet: context.slice(0, 200) || address, line: -1 } });
  }
}

function decodeCloudflare(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{2}){3,200}$/i.test(hex)) return undefined;
  const key = parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16) ^ key);
  return out;
}

function mailtoAddresses(href: string): string[] {
  const list = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  return decodeSafely(list)
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter(Boolean)
    .slice(0, 5);
}

function inFooter(element: Element): boolean {
  return element.closest('footer, [role="contentinfo"], #footer, .footer') !== null;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
