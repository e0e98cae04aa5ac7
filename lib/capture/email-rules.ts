import { parse } from 'tldts';
import { FREE_MAIL_DOMAINS } from '../dedup/shared-domains';
import { isCreditLine } from './phone-labels';

/** Image and asset names that look like addresses ("logo@2x.png", "icon@3x.webp"). */
const ASSET = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|css|js|mjs|json|woff2?|ttf|eot|mp4|webm|pdf)$|@\d+(?:\.\d+)?x[.-]/i;
/** Addresses that documentation and forms print as examples. */
const PLACEHOLDER_DOMAIN =
  /(?:^|\.)(?:(?:example|test|domain|yourdomain|yoursite|yourcompany|yourbusiness|yourwebsite|mydomain|mysite|company|email|sample|website)\.(?:com|org|net|edu|cn)|example)$|\.(?:test|invalid|localhost|example|local)$/i;
const PLACEHOLDER_LOCAL =
  /^(?:you|your|yourname|your\.?name|youremail|yourmail|name|first\.?last|firstname|firstname\.?lastname|john\.?doe|jane\.?doe|johnsmith|john\.smith|user|username|someone|somebody|xxx+|abc|sample|example)$/i;
/** Error trackers, analytics and site builders put their own addresses into pages; they are never a contact. */
const SERVICE_DOMAIN = /(?:^|\.)(?:sentry\.io|sentry-next\.wixpress\.com|wixpress\.com|sentry\.[a-z.]+|bugsnag\.com|rollbar\.com|raygun\.io|trackjs\.com|getsentry\.com|google-analytics\.com|doubleclick\.net)$/i;
/** Machine identifiers (an error tracker's public key), and senders that nobody can answer. */
const MACHINE_LOCAL = /^(?:[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*|no-?reply|do-?not-?reply|mailer-daemon|bounces?)$/i;
/** "a professional address like lily@lilysbikes.com", "例如 name@…": an address shown as an example. */
const EXAMPLE_MARKER = /(?:\b(?:like|such as|e\.g\.|eg\.|for example|for instance|example)\b|例如|比如|示例|举例)/i;
/** A block listing other companies: "Our clients", "Partners", "合作伙伴", "主要客户". */
export const OTHER_COMPANIES =
  /\b(?:our\s+)?(?:clients|customers|partners|distributors|resellers|dealers)\b|\b(?:unsere kunden|referenzkunden|händlernetz|vertriebspartner|nos clients|nos partenaires|revendeurs|distributeurs|i nostri clienti|rivenditori|distributori|nuestros clientes|distribuidores)\b|合作伙伴|合作客户|主要客户|经销商|代理商/iu;
/** How far above a line a heading can introduce the block it sits in ("Our partners", then a few cards). */
const BLOCK_LINES_ABOVE = 4;
/** A heading is a short line; a long one that mentions partners is prose about them, not a list of them. */
const HEADING_CHARS = 40;

/** Whether a line sits under a heading that lists other companies ("Our partners", "Händlernetz", "主要客户"). */
export function underOtherCompaniesHeading(lines: readonly string[], index: number): boolean {
  for (let above = index - 1; above >= Math.max(0, index - BLOCK_LINES_ABOVE); above--) {
    const line = lines[above]!.trim();
    if (line.length <= HEADING_CHARS && OTHER_COMPANIES.test(line)) return true;
  }
  return false;
}
/** A job ad's or a partner's address: "send your CV to", "简历投递". */
export const RECRUITING = /\b(?:resumes?|cv|curriculum vitae|apply|applications?|job|jobs|hiring|recruit\w*|candidates?)\b|简历|招聘|应聘/i;
export const MAIL_LABEL = /(?:e-?mail|mail|邮\s?箱|邮\s?件|電\s?郵|电\s?邮|邮件地址|email address)\s*(?:address)?\s*[:：]?\s*$/i;

export interface SiteIdentity {
  /** The page's registrable domain ("fincar.com.au"), null for local pages. */
  domain: string | null;
  /** Other domains the site declares as its own (structured data url/email). */
  ownDomains: string[];
}

/** Syntax, a real public suffix, and none of the traps: placeholders, asset names, trackers, machine ids. */
export function isPlausibleEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at < 1 || local.length > 64 || domain.length > 253 || !/^[a-z0-9._%+-]+$/i.test(local) || /^\.|\.\.|\.$/.test(local)) return false;
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i.test(domain)) return false;
  if (ASSET.test(address) || PLACEHOLDER_DOMAIN.test(domain) || PLACEHOLDER_LOCAL.test(local)) return false;
  if (SERVICE_DOMAIN.test(domain) || MACHINE_LOCAL.test(local)) return false;
  const parsed = parse(domain, { allowPrivateDomains: false });
  return parsed.isIcann === true && parsed.domain !== null;
}

/** The registrable domain of an address's host ("jubao@vip.163.com" -> "163.com"). */
export function emailDomain(address: string): string {
  const host = address.slice(address.lastIndexOf('@') + 1);
  return parse(host, { allowPrivateDomains: false }).domain ?? host;
}

/** True when an address belongs to the site: its own domain, a domain it declares, or one named like it (firstcal.net, firstcalmortgage.com). */
export function isSameSite(address: string, site: SiteIdentity): boolean {
  const domain = emailDomain(address);
  if (domain === site.domain || site.ownDomains.includes(domain)) return true;
  const mine = squashLabel(site.domain);
  const theirs = squashLabel(domain);
  return mine.length >= 4 && theirs.length >= 4 && (mine.includes(theirs) || theirs.includes(mine));
}

/** A public mailbox provider's address: a small company's own address may still be there (sales@qq.com). */
export function isFreemail(address: string): boolean {
  return FREE_MAIL_DOMAINS.has(emailDomain(address).toLowerCase());
}

/**
 * How far an address can be trusted as the company's contact, from where it sits; undefined drops it.
 * The site's own addresses are trusted; an address at another company is dropped when its line is an
 * example, a web designer's credit, or when its line or block is a job ad or plainly about that company
 * (a partner card: "Ludlow Trading" / "orders@ludlowtrading.com") or sits in a block that lists clients or
 * partners, and is otherwise kept with low
 * confidence for the rep to judge. `block` is the text around the line (the lines above, the link's container).
 */
export function emailConfidence(address: string, line: string, site: SiteIdentity, fromLink: boolean, block = ''): number | undefined {
  const at = line.indexOf(address);
  const before = at >= 0 ? line.slice(0, at) : line;
  if (isSameSite(address, site)) return fromLink ? 0.95 : 0.9;
  if (EXAMPLE_MARKER.test(before.slice(-80)) || isCreditLine(before)) return undefined;
  const labelled = MAIL_LABEL.test(before.slice(-24));
  if (isFreemail(address)) return labelled || fromLink ? 0.7 : 0.6;
  const rest = line.split(address).join(' ');
  const around = `${rest} ${block.split(address).join(' ')}`;
  if (RECRUITING.test(around) || OTHER_COMPANIES.test(block) || mentionsCompanyOf(address, around)) return undefined;
  // Running prose about someone else ("…said Jane Roe, jane@other.com…") is not a contact block.
  if (!labelled && !fromLink && rest.split(' ').length > 20) return undefined;
  return fromLink || labelled ? 0.6 : 0.5;
}

/** The block names the address's company ("Ludlow Trading" for ludlowtrading.com); its web address does not count (a site names its own mail domain that way). */
function mentionsCompanyOf(address: string, text: string): boolean {
  const label = squashLabel(emailDomain(address));
  const names = text.replace(/\S*\.[a-z]{2,}\S*/gi, ' ');
  return label.length >= 4 && squash(names).includes(label);
}

function squashLabel(domain: string | null): string {
  return squash(domain?.split('.')[0] ?? '');
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
