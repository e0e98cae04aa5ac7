import { registrableDomain } from '../domain';
import type { TextEvidence } from '../schema';
import { absoluteHttpUrl, type PageMeta } from './meta';
import type { StructuredOrganization } from './organization-record';

const MAX_IMAGES = 60;
const LOGO_WORD = /logo/i;
const HEADER_WORD = /logo|brand|masthead|header|banner-?top|site-?title/i;
/** Logos of other companies: franchises, partners, clients, payment methods, badges, share buttons. */
const OTHERS_LOGO = /partner|client|customer|sponsor|franchise|award|certif|payment|badge|seal|social|share|vendor|member/i;

/** An image that looks like the site's own logo or header artwork, in document order. */
export interface LogoImage {
  alt: string;
  src: string | undefined;
  /** Named a logo by its file, class or id, or its container's (not just sitting in the header). */
  namedLogo: boolean;
  /** Served from the page's own site (any subdomain), rather than a widget's or a dealer platform's host. */
  sameSite: boolean;
}

/**
 * Images among the first 60 that the page marks as its logo or header: by file name, class or id, by a
 * logo/header container, or by linking to the home page. Their alt text is often the cleanest company name.
 */
export function findLogoImages(doc: Document, baseUrl: string, domain: string | null): LogoImage[] {
  const images = doc.querySelectorAll('img');
  const home = homeUrls(baseUrl);
  // Images in one header share their link: each href is resolved once.
  const resolved = new Map<string, string | undefined>();
  const resolve = (href: string) => {
    if (!resolved.has(href)) resolved.set(href, absoluteHttpUrl(href, baseUrl));
    return resolved.get(href);
  };
  const found: LogoImage[] = [];
  for (let i = 0; i < images.length && i < MAX_IMAGES; i++) {
    const image = images[i]!;
    const rawSrc = image.getAttribute('src') ?? image.getAttribute('data-src') ?? '';
    const file = rawSrc.split(/[?#]/)[0]!.split('/').pop() ?? '';
    const ownMarks = `${file} ${image.getAttribute('class') ?? ''} ${image.getAttribute('id') ?? ''}`;
    let containerMarks = '';
    let linksHome = false;
    let ancestor = image.parentElement;
    for (let depth = 0; ancestor && depth < 4; depth++, ancestor = ancestor.parentElement) {
      containerMarks += ` ${ancestor.getAttribute('class') ?? ''} ${ancestor.getAttribute('id') ?? ''}`;
      if (ancestor.tagName.toUpperCase() === 'HEADER') containerMarks += ' header';
      if (ancestor.tagName.toUpperCase() === 'A') if (!linksHome) linksHome = home.has(resolve(ancestor.getAttribute('href') ?? '') ?? '');
    }
    if (OTHERS_LOGO.test(ownMarks) || OTHERS_LOGO.test(containerMarks)) continue;
    const namedLogo = LOGO_WORD.test(ownMarks) || LOGO_WORD.test(containerMarks);
    if (!namedLogo && !HEADER_WORD.test(ownMarks) && !HEADER_WORD.test(containerMarks) && !linksHome) continue;
    const alt = (image.getAttribute('alt') || image.getAttribute('title') || '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const src = absoluteHttpUrl(rawSrc, baseUrl);
    found.push({ alt, src, namedLogo, sameSite: Boolean(src && domain && registrableDomain(src) === domain) });
  }
  return found;
}

function homeUrls(baseUrl: string): Set<string> {
  const origin = absoluteHttpUrl('/', baseUrl);
  if (!origin) return new Set();
  return new Set([origin, ...['index.html', 'index.htm', 'index.php', 'index.asp', 'default.aspx', 'home'].map((file) => origin + file)]);
}

/** The company's own description: its structured data first, then the page's meta description and cards. */
export function readDescription(meta: PageMeta, organization: StructuredOrganization | undefined): TextEvidence | undefined {
  if (organization?.description) {
    return { value: organization.description, source: organization.source, snippet: organization.description.slice(0, 300), confidence: 0.9 };
  }
  const tag = meta.first('description', 'og:description', 'twitter:description', 'dc.description');
  if (!tag) return undefined;
  const source = tag.key.startsWith('og:') ? 'opengraph' : 'meta';
  return { value: tag.value, source, snippet: `${tag.key}="${tag.value.slice(0, 280)}"`, confidence: tag.key === 'description' ? 0.8 : 0.75 };
}

/**
 * The logo: structured data's logo, then an image the page names its logo whose alt text fits the company
 * (or, served from the site itself, has none: a franchise's or a search widget's logo has neither), then a
 * share image whose file says it is a logo, then the touch icon.
 */
export function readLogo(
  meta: PageMeta,
  organization: StructuredOrganization | undefined,
  images: LogoImage[],
  isCompanyName: (alt: string) => boolean,
): TextEvidence | undefined {
  const structured = organization?.logo && absoluteHttpUrl(organization.logo, meta.baseUrl);
  if (structured) return { value: structured, source: organization.source, snippet: organization.raw, confidence: 0.95 };
  const image = images.find(
    (candidate) => candidate.src && candidate.namedLogo && (candidate.alt ? isCompanyName(candidate.alt) : candidate.sameSite),
  );
  if (image?.src) return { value: image.src, source: 'link', snippet: `<img alt="${image.alt}" src="${image.src}">`.slice(0, 500), confidence: 0.75 };
  const shareImage = meta.first('og:image', 'twitter:image', 'og:logo');
  const shareLogo = shareImage && /logo/i.test(shareImage.value.split(/[?#]/)[0]!.split('/').pop() ?? '') && absoluteHttpUrl(shareImage.value, meta.baseUrl);
  if (shareImage && shareLogo) return { value: shareLogo, source: 'opengraph', snippet: `${shareImage.key}="${shareLogo}"`.slice(0, 500), confidence: 0.6 };
  const icon = meta.links('apple-touch-icon')[0] ?? meta.links('apple-touch-icon-precomposed')[0];
  if (icon) return { value: icon, source: 'link', snippet: `<link rel="apple-touch-icon" href="${icon}">`.slice(0, 500), confidence: 0.4 };
  return undefined;
}

/** The page's canonical URL (<link rel=canonical>, else og:url), absolute. */
export function readCanonicalUrl(meta: PageMeta): TextEvidence | undefined {
  const canonical = meta.links('canonical')[0];
  if (canonical) return { value: canonical, source: 'link', snippet: `<link rel="canonical" href="${canonical}">`.slice(0, 500), confidence: 0.9 };
  const og = meta.get('og:url');
  const ogUrl = og && absoluteHttpUrl(og, meta.baseUrl);
  if (ogUrl) return { value: ogUrl, source: 'opengraph', snippet: `og:url="${ogUrl}"`.slice(0, 500), confidence: 0.8 };
  return undefined;
}
