import { registrableDomain } from '../domain';
import type { EvidenceSource } from '../schema';
import { parseCopyrightLine, type CopyrightHolder } from './copyright';
import type { LogoImage } from './identity';
import type { PageMeta } from './meta';
import { cleanName, domainAffinity, labelSpan, splitLegalName, titleSegments } from './name-text';
import type { StructuredOrganization } from './organization-record';

/** One place on the page that proposes a company name, with how much that place is trusted by itself. */
export interface NameCandidate {
  /** The name as a rep says it ("FinCar"). */
  value: string;
  /** The registered form when the place wrote one ("FinCar Pty Ltd"). */
  legal?: string;
  source: EvidenceSource;
  snippet: string;
  /** Trust in the place alone, before agreement with the domain and the rest of the page. */
  base: number;
  /** Cut out of a longer sentence because those words spell the domain. */
  trimmed: boolean;
}

export interface NameSources {
  meta: PageMeta;
  /** The site's own organizations from structured data, best first. */
  organizations: StructuredOrganization[];
  title: string;
  firstHeading: string | undefined;
  logoImages: LogoImage[];
  copyright: CopyrightHolder | undefined;
  domain: string | null;
  /** The domain's label, squashed: "peacearchbusinesscenter". */
  label: string;
}

/** A title segment or alt text this long is a sentence about the company, not its name. */
const isLong = (value: string) => value.length > 50 || value.split(' ').length > 5;

export function collectNameCandidates(sources: NameSources): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  const add = (raw: string | undefined, source: EvidenceSource, snippet: string, base: number, mode: 'whole' | 'span' = 'whole') => {
    if (!raw || candidates.length >= 80) return;
    let value = cleanName(raw);
    // "Williams Home" on williamshome.com is the name itself, not "Williams" plus a link to the home page.
    const asWritten = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (value !== asWritten && domainAffinity(asWritten, sources.label) === 'exact') value = asWritten;
    let trimmed = false;
    if (mode === 'span' || isLong(value)) {
      const span = labelSpan(value, sources.label);
      if (span) {
        value = cleanName(span);
        trimmed = true;
      } else if (mode === 'span') {
        return;
      }
    }
    if (!value) return;
    const { brand, legal } = splitLegalName(value);
    candidates.push({ value: brand.slice(0, 300), legal: legal?.slice(0, 300), source, snippet: snippet.slice(0, 300), base: trimmed ? base - 0.1 : base, trimmed });
  };

  sources.organizations.slice(0, 3).forEach((org, index) => {
    const orgDomain = org.url ? registrableDomain(org.url) : null;
    const foreign = orgDomain && sources.domain && orgDomain !== sources.domain ? 0.15 : 0;
    // Above every other place, domain agreement included: the site's own explicit statement of its name.
    const base = (org.source === 'json-ld' ? 1.1 : 1.05) - 0.05 * index - foreign;
    if (org.name) add(org.name, org.source, org.raw, base);
    else if (org.legalName) add(org.legalName, org.source, org.raw, base - 0.1);
    if (org.alternateName) add(org.alternateName, org.source, org.raw, base - 0.3);
  });

  const { meta } = sources;
  const siteName = meta.get('og:site_name');
  titleSegments(siteName ?? '').forEach((segment, i) => add(segment, 'opengraph', `og:site_name="${siteName}"`, i === 0 ? 0.8 : 0.55));
  const appName = meta.first('application-name', 'apple-mobile-web-app-title', 'al:ios:app_name');
  if (appName) add(appName.value, 'meta', `${appName.key}="${appName.value}"`, appName.key === 'application-name' ? 0.7 : 0.6);

  const rights = meta.first('copyright', 'rights', 'dc.rights', 'dcterms.rightsholder', 'dc.publisher');
  if (rights) {
    const holder = parseCopyrightLine(rights.value, 'meta');
    const snippet = `${rights.key}="${rights.value}"`;
    if (holder) add(holder.legalName?.value ?? holder.brand.value, 'meta', snippet, 0.6);
    else if (rights.value.length <= 60 && !/©|copyright|rights|版权/i.test(rights.value)) add(rights.value, 'meta', snippet, 0.55);
  }
  if (sources.copyright) add(sources.copyright.legalName?.value ?? sources.copyright.brand.value, 'footer', sources.copyright.brand.snippet, 0.6);

  const segments = titleSegments(sources.title);
  segments.forEach((segment, i) => add(segment, 'title', sources.title, i === 0 || i === segments.length - 1 ? 0.55 : 0.5));

  for (const image of sources.logoImages.slice(0, 6)) {
    if (image.alt) add(image.alt, 'text', `<img alt="${image.alt}">`, image.namedLogo ? 0.65 : 0.55);
  }
  if (sources.firstHeading) add(sources.firstHeading, 'text', `<h1>${sources.firstHeading}</h1>`, 0.35);
  const description = meta.get('description') ?? meta.get('og:description');
  if (description) add(description.slice(0, 300), 'meta', description, 0.45, 'span');
  return candidates;
}
