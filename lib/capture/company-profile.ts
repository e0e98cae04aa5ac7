import { registrableDomain } from '../domain';
import { CaptureFields, type TextEvidence } from '../schema';
import { chooseCompanyName } from './company-name';
import { readCopyrightHolder } from './copyright';
import { readCreditCode, readIcpLicense } from './china-registry';
import { readFirmographics } from './firmographics';
import { findLogoImages, readCanonicalUrl, readDescription, readLogo } from './identity';
import { jobAdPhrases, readJobPageSignals } from './job-posting';
import { readMainText } from './main-text';
import { readMicrodata } from './microdata';
import { readPageMeta } from './meta';
import { collectNameCandidates } from './name-candidates';
import { domainAffinity, hasHan, squash } from './name-text';
import type { StructuredOrganization } from './organization-record';
import type { PageLink } from './page-links';
import { tidyLines } from './page-text';
import { readSocialProfiles } from './social';

export type CompanyProfileFields = Pick<
  CaptureFields,
  | 'name'
  | 'legalName'
  | 'description'
  | 'logo'
  | 'canonicalUrl'
  | 'social'
  | 'foundingYear'
  | 'employees'
  | 'revenue'
  | 'registeredCapital'
  | 'icpLicense'
  | 'creditCode'
>;

export interface CompanyProfile {
  fields: CompanyProfileFields;
  /** Readability's main text, only when the page's own metadata has no description. */
  mainText?: string;
  warnings: string[];
}

export interface ProfileInput {
  url: string;
  domain: string | null;
  /** The page's visible text (readPageText). */
  text: string;
  /** `tidyLines(text)`, when the caller has them already. */
  lines?: string[];
  /** The page's links (readPageLinks), when the caller has them already. */
  links?: readonly PageLink[];
  /** The site's own organizations from JSON-LD (readJsonLd). */
  jsonLdOrganizations: StructuredOrganization[];
  /** The page's parsed JSON-LD blocks (parseJsonLdBlocks), to tell a job ad. */
  jsonLdBlocks?: readonly unknown[];
}

/**
 * The company's identity (name, legal name, description, logo, canonical URL), social profiles,
 * firmographics and Chinese registry numbers, from the page's metadata, structured data, logo, title,
 * footer and text.
 */
export function readCompanyProfile(doc: Document, input: ProfileInput): CompanyProfile {
  // One line per block with single spaces: the text patterns below then run in linear time on any page.
  const lines = input.lines ?? tidyLines(input.text);
  const text = lines.join('\n');
  const meta = readPageMeta(doc, input.url);
  const microdata = readMicrodata(doc);
  const organizations = rankOrganizations([...input.jsonLdOrganizations, ...microdata.organizations], input.domain);
  const company = organizations[0];
  const label = squash(input.domain?.split('.')[0] ?? '');
  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  const logoImages = findLogoImages(doc, meta.baseUrl, input.domain);
  const firstHeading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;

  const candidates = collectNameCandidates({
    meta,
    organizations,
    title,
    firstHeading,
    logoImages,
    copyright: readCopyrightHolder(lines),
    domain: input.domain,
    label,
  });
  const structuredLegal = organizations.find((org) => org.legalName);
  const structuredLegalName: TextEvidence | undefined = structuredLegal?.legalName
    ? { value: structuredLegal.legalName, source: structuredLegal.source, snippet: structuredLegal.raw, confidence: 0.95 }
    : undefined;
  const { name, legalName } = chooseCompanyName(candidates, {
    label,
    chinesePage: /^zh/i.test(lang) || hasHan(title),
    text,
    structuredLegalName,
  });
  const companyKey = name ? squash(name.value) : '';
  const isCompanyName = (alt: string) => {
    const key = squash(alt);
    return (key.length > 1 && companyKey.length > 1 && (key.includes(companyKey) || companyKey.includes(key))) || domainAffinity(alt, label) !== 'none';
  };
  const ownDescription = readDescription(meta, company);
  const fallback = ownDescription ? undefined : readMainText(doc, meta.baseUrl, lines);
  const warnings = [...(fallback?.warnings ?? [])];
  const description = descriptionOutsideJobAds(ownDescription, fallback?.description, {
    url: input.url,
    jsonLdBlocks: input.jsonLdBlocks ?? [],
    text: fallback?.mainText ?? text,
    title,
    warnings,
  });
  const fields = keepValid(
    {
      name,
      legalName,
      description,
      logo: readLogo(meta, company, logoImages, isCompanyName),
      canonicalUrl: readCanonicalUrl(meta),
      social: readSocialProfiles(doc, { meta, organizations, companyKeys: [label, companyKey].filter(Boolean), text, links: input.links }),
      ...readFirmographics(text, company),
      icpLicense: readIcpLicense(text),
      creditCode: readCreditCode(text),
    },
    warnings,
  );
  return { fields, mainText: fallback?.mainText, warnings };
}

/**
 * The description, unless it is a job ad's text. The page's main text (Readability's, or its first paragraph)
 * on a job ad describes the job: it is left out with a warning, and on a careers page that is not clearly a
 * job ad it is kept with a low confidence. The page's own metadata is kept, unless on a job ad it reads as one
 * ("Senior Engineer — apply now"); structured data's organization description always is.
 */
function descriptionOutsideJobAds(
  own: TextEvidence | undefined,
  fromText: TextEvidence | undefined,
  page: { url: string; jsonLdBlocks: readonly unknown[]; text: string; title: string; warnings: string[] },
): TextEvidence | undefined {
  const candidate = own ?? fromText;
  if (!candidate || candidate.source === 'json-ld' || candidate.source === 'microdata') return candidate;
  const readsAsJobAd = jobAdPhrases(candidate.value).length > 0;
  // The page's metadata is checked against the page only when it reads as a job ad itself (most pages: no scan).
  if (candidate === own && !readsAsJobAd) return candidate;
  const job = readJobPageSignals(page.url, page.jsonLdBlocks, page.text, page.title);
  if (candidate === own) {
    if (!job.posting) return candidate;
  } else if (!job.posting && !readsAsJobAd) {
    return job.careersPage ? { ...candidate, confidence: Math.min(candidate.confidence, 0.25) } : candidate;
  } else if (!job.posting && !job.careersPage) {
    // One job-ad phrase in a paragraph of an ordinary page ("we are hiring!") does not make it a job ad.
    return candidate;
  }
  page.warnings.push("This page is a job ad: its text was not taken as the company's description.");
  return undefined;
}

/**
 * Drops a field that its schema refuses (an odd URL, an over-long value) with a warning, so that one bad
 * value does not make the whole capture fail validation.
 */
function keepValid(fields: CompanyProfileFields, warnings: string[]): CompanyProfileFields {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as Array<keyof CompanyProfileFields>) {
    const value = fields[key];
    if (value === undefined) continue;
    const checked = CaptureFields.shape[key].safeParse(value);
    if (checked.success) kept[key] = checked.data;
    else if (Array.isArray(value)) kept[key] = value.filter((item) => CaptureFields.shape[key].safeParse([item]).success);
    else warnings.push(`Left out the ${key} read from this page: it was not in a usable form.`);
  }
  return kept as CompanyProfileFields;
}

/** The site's own organization first: one whose URL is on this domain, declared at the top level, with a name. */
function rankOrganizations(organizations: StructuredOrganization[], domain: string | null): StructuredOrganization[] {
  const rank = (org: StructuredOrganization) =>
    (org.url && domain && registrableDomain(org.url) === domain ? 4 : 0) + (org.via === undefined ? 2 : 0) + (org.name ? 1 : 0);
  return organizations
    .map((org, index) => ({ org, index, rank: rank(org) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(({ org }) => org);
}
