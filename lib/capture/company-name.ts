import type { TextEvidence } from '../schema';
import type { CopyrightHolder } from './copyright';
import type { JsonLdOrganization } from './json-ld';

const TITLE_SEPARATORS = /\s+[|\-–—·:»]\s+|\s*[|｜_]\s*/;
/** Title segments that describe the page rather than name the company. */
const GENERIC_SEGMENT = /^(home|homepage|welcome|official site|official website|contact( us)?|about( us)?|首页|主页|官网|官方网站|联系我们|关于我们)$/i;

function meta(doc: Document, selector: string): string | undefined {
  const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return content ? content.slice(0, 300) : undefined;
}

const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** True when a name and the domain's label plainly belong together ("FinCar" and fincar.com.au). */
function matchesDomain(name: string, domain: string | null): boolean {
  const label = domain?.split('.')[0]?.toLowerCase() ?? '';
  const squashed = squash(name);
  return label.length > 1 && squashed.length > 1 && (squashed.includes(label) || label.includes(squashed));
}

/**
 * The company's name, from the most trustworthy place that has one: the site's structured data, then
 * OpenGraph's site name, then a copyright holder or title segment that matches the domain, then weaker guesses.
 */
export function readCompanyName(
  doc: Document,
  domain: string | null,
  organizations: JsonLdOrganization[],
  copyright: CopyrightHolder | undefined,
): TextEvidence | undefined {
  const fromJsonLd = organizations.find((org) => org.name);
  if (fromJsonLd?.name) return { value: fromJsonLd.name, source: 'json-ld', snippet: fromJsonLd.raw, confidence: 0.95 };
  const siteName = meta(doc, 'meta[property="og:site_name" i]');
  if (siteName) return { value: siteName, source: 'opengraph', snippet: `og:site_name="${siteName}"`, confidence: 0.85 };

  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000);
  const segments = title.split(TITLE_SEPARATORS).map((s) => s.trim()).filter((s) => s && !GENERIC_SEGMENT.test(s));
  const titleMatch = segments.find((segment) => matchesDomain(segment, domain));
  if (copyright && matchesDomain(copyright.brand.value, domain)) return { ...copyright.brand, confidence: 0.8 };
  if (titleMatch) return { value: titleMatch.slice(0, 300), source: 'title', snippet: title.slice(0, 300), confidence: 0.7 };
  const appName = meta(doc, 'meta[name="application-name" i]');
  if (appName) return { value: appName, source: 'meta', snippet: `application-name="${appName}"`, confidence: 0.7 };
  if (copyright) return copyright.brand;
  if (segments.length === 0) return undefined;
  // Titles put the brand at one end: "Products | Acme" is more common than "Acme | Products" for inner pages.
  const value = (segments.length > 1 ? segments[segments.length - 1]! : segments[0]!).slice(0, 300);
  return { value, source: 'title', snippet: title.slice(0, 300), confidence: 0.4 };
}

export function readDescription(doc: Document, organizations: JsonLdOrganization[]): TextEvidence | undefined {
  const description = meta(doc, 'meta[name="description" i]');
  if (description) return { value: description, source: 'meta', snippet: description, confidence: 0.8 };
  const og = meta(doc, 'meta[property="og:description" i]');
  if (og) return { value: og, source: 'opengraph', snippet: og, confidence: 0.75 };
  const fromJsonLd = organizations.find((org) => org.description)?.description;
  if (fromJsonLd) return { value: fromJsonLd, source: 'json-ld', snippet: fromJsonLd.slice(0, 300), confidence: 0.8 };
  return undefined;
}
