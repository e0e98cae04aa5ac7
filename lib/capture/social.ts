import type { EvidenceSource, SocialEvidence } from '../schema';
import { absoluteHttpUrl, type PageMeta } from './meta';
import { readPageLinks, type PageLink } from './page-links';
import { squash } from './name-text';
import type { StructuredOrganization } from './organization-record';
import { parseSocialUrl, type SocialProfile } from './social-url';
import { readWeChat } from './wechat';

const MAX_PROFILES = 40;
const PER_NETWORK = 3;
/** Anchors read from each end of the page: headers and footers, where sites list their profiles, sit there. */
const ANCHORS_PER_END = 2_500;
const SOCIAL_HOST = /linkedin\.|twitter\.com|\/\/(?:www\.)?x\.com|facebook\.com|fb\.(?:com|me)|instagram\.com|youtube\.com|github\.com|weibo\.c|weixin\.qq\.com/i;
/** Page chrome that lists a site's own profiles. */
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV', 'ASIDE']);
const CHROME_MARKS = /foot|head|nav|social|follow|connect|sns|contact|bottom|topbar|top-bar|share-?links|icons/i;
const FOLLOW_WORDING = /follow|find us|connect with|join us|visit our|like us|subscribe|关注|加入我们/i;

export interface SocialInput {
  meta: PageMeta;
  /** The site's own organizations, best first: their sameAs lists are the strongest evidence. */
  organizations: StructuredOrganization[];
  /** Squashed names of the company (domain label, name): a profile named after it is the company's own. */
  companyKeys: string[];
  text: string;
  /** The page's links (readPageLinks), when the caller has them already. */
  links?: readonly PageLink[];
}

/**
 * The company's own social profiles: structured data's sameAs first, then Twitter/OpenGraph metadata and
 * rel=me, then links in the header, footer or a "follow us" block, or whose handle is the company's name.
 * Share buttons and intent links never match (see parseSocialUrl); links in running text to other accounts
 * are left out.
 */
export function readSocialProfiles(doc: Document, input: SocialInput): SocialEvidence[] {
  const found = new Map<string, SocialEvidence>();
  const perNetwork = new Map<string, number>();
  const add = (profile: SocialProfile | undefined, source: EvidenceSource, snippet: string, confidence: number) => {
    if (!profile || found.size >= MAX_PROFILES) return;
    const key = `${profile.network}:${(profile.handle ?? profile.url ?? '').toLowerCase()}`;
    const count = perNetwork.get(profile.network) ?? 0;
    if (found.has(key) || count >= PER_NETWORK) return;
    perNetwork.set(profile.network, count + 1);
    found.set(key, { value: profile, source, snippet: snippet.replace(/\s+/g, ' ').trim().slice(0, 500), confidence });
  };

  for (const org of input.organizations.slice(0, 3)) {
    for (const link of org.sameAs) add(parseSocialUrl(absoluteHttpUrl(link, input.meta.baseUrl) ?? ''), org.source, `sameAs: ${link}`, 0.95);
  }
  const twitterSite = input.meta.get('twitter:site');
  if (twitterSite) {
    const href = /^https?:\/\//i.test(twitterSite) ? twitterSite : `https://x.com/${twitterSite.replace(/^@/, '')}`;
    add(parseSocialUrl(href), 'meta', `twitter:site="${twitterSite}"`, 0.85);
  }
  const publisher = input.meta.get('article:publisher');
  if (publisher) add(parseSocialUrl(absoluteHttpUrl(publisher, input.meta.baseUrl) ?? ''), 'opengraph', `article:publisher="${publisher}"`, 0.85);
  for (const me of input.meta.links('me')) add(parseSocialUrl(me), 'link', `<link rel="me" href="${me}">`, 0.85);

  const anchors = (input.links ?? readPageLinks(doc)).filter((link) => !link.area);
  const ends = anchors.length <= 2 * ANCHORS_PER_END ? [[0, anchors.length]] : [[0, ANCHORS_PER_END], [anchors.length - ANCHORS_PER_END, anchors.length]];
  for (const [from, to] of ends) {
    for (let i = from!; i < to!; i++) {
      const { element: anchor, href } = anchors[i]!;
      if (!SOCIAL_HOST.test(href)) continue;
      const profile = parseSocialUrl(absoluteHttpUrl(href, input.meta.baseUrl) ?? '');
      if (!profile) continue;
      const label = anchorLabel(anchor);
      const named = profile.handle !== null && input.companyKeys.some((key) => namesCompany(profile.handle!, key));
      const placed = inPageChrome(anchor) || FOLLOW_WORDING.test(label);
      if (!placed && !named) continue;
      add(profile, 'link', `${label ? `${label} ` : ''}${href}`, placed ? 0.85 : 0.75);
    }
  }
  const wechat = readWeChat(doc, input.text, input.meta.baseUrl);
  if (wechat) add(wechat.profile, wechat.source, wechat.snippet, wechat.confidence);
  return [...found.values()];
}

function anchorLabel(anchor: Element): string {
  const own = `${anchor.getAttribute('title') ?? ''} ${anchor.getAttribute('aria-label') ?? ''}`.trim();
  const image = anchor.querySelector('img');
  const text = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Icon fonts and inline SVG styles put CSS in textContent; a label is short words.
  const words = text.length <= 40 && !/[{};]/.test(text) ? text : '';
  return [own, image?.getAttribute('alt') ?? '', words].filter(Boolean).join(' ').slice(0, 120);
}

/** Inside the page's header, footer, navigation or a block named for social links (ancestors, at most 12 up). */
function inPageChrome(anchor: Element): boolean {
  let element = anchor.parentElement;
  for (let depth = 0; element && depth < 12; depth++, element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (CHROME_TAGS.has(tag)) return true;
    const role = element.getAttribute('role') ?? '';
    if (/banner|contentinfo|navigation/i.test(role)) return true;
    if (CHROME_MARKS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** "CaltronNews" names "caltron"; "AlibabaB2B" names "alibaba": the handle starts with or spells the company. */
function namesCompany(handle: string, key: string): boolean {
  const squashed = squash(handle);
  return key.length >= 3 && squashed.length >= 3 && (squashed.includes(key) || (key.includes(squashed) && squashed.length >= 5));
}
