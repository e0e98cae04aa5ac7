import { z } from 'zod';
import { Id, SCHEMA_VERSION, Timestamp } from './common';
import { TextEvidence, evidenceOf } from './evidence';

/** Fax is told apart from phone where the page labels it; toll-free covers 400/800 and 1-800 numbers. */
export const PhoneKind = z.enum(['phone', 'fax', 'mobile', 'toll_free']);
export type PhoneKind = z.infer<typeof PhoneKind>;
export const PhoneEvidence = TextEvidence.extend({ kind: PhoneKind.default('phone') });
export type PhoneEvidence = z.infer<typeof PhoneEvidence>;

/** A person the page names, with what it says about them ("联系人：张经理", a team page, JSON-LD founder). */
export const PersonCapture = z.object({
  name: TextEvidence,
  title: TextEvidence.optional(),
  emails: z.array(z.string().max(254)).max(10).default([]),
  phones: z.array(z.string().max(40)).max(10).default([]),
});
export type PersonCapture = z.infer<typeof PersonCapture>;

export const PostalAddress = z.object({
  street: z.string().max(300).optional(),
  city: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  postalCode: z.string().max(20).optional(),
  /** ISO 3166-1 alpha-2 where known ("CN", "AU"). */
  country: z.string().max(60).optional(),
  /** The address as one line, as the page wrote it. */
  full: z.string().max(500),
});
export const AddressEvidence = evidenceOf(PostalAddress);
export type AddressEvidence = z.infer<typeof AddressEvidence>;

export const SocialNetwork = z.enum(['linkedin', 'x', 'facebook', 'weibo', 'wechat', 'youtube', 'instagram', 'github']);
export type SocialNetwork = z.infer<typeof SocialNetwork>;
/** The company's own profile (never a share button or intent link); WeChat may be a name or a QR image. */
export const SocialEvidence = evidenceOf(
  z.object({ network: SocialNetwork, url: z.url().max(2048).nullable(), handle: z.string().max(200).nullable() }),
);
export type SocialEvidence = z.infer<typeof SocialEvidence>;

export const CountEvidence = evidenceOf(
  z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().nullable(), text: z.string().max(200) }),
);
export const MoneyEvidence = evidenceOf(
  z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/), text: z.string().max(200) }),
);
export const YearEvidence = evidenceOf(z.number().int().min(1600).max(2200));

/** What the extractor read from one page, every value with its evidence. */
export const CaptureFields = z.object({
  name: TextEvidence.optional(),
  legalName: TextEvidence.optional(),
  description: TextEvidence.optional(),
  logo: TextEvidence.optional(),
  canonicalUrl: TextEvidence.optional(),
  emails: z.array(TextEvidence).max(200),
  phones: z.array(PhoneEvidence).max(200),
  people: z.array(PersonCapture).max(100).default([]),
  addresses: z.array(AddressEvidence).max(20).default([]),
  social: z.array(SocialEvidence).max(40).default([]),
  foundingYear: YearEvidence.optional(),
  employees: CountEvidence.optional(),
  revenue: MoneyEvidence.optional(),
  registeredCapital: MoneyEvidence.optional(),
  /** China's ICP licence or filing line (京ICP备…号 / ICP证). */
  icpLicense: TextEvidence.optional(),
  /** The 18-character unified social credit code (统一社会信用代码), only when its check digit is right. */
  creditCode: TextEvidence.optional(),
});
export type CaptureFields = z.infer<typeof CaptureFields>;

/**
 * The extractor's output (`extractCompany`): crosses from the content script to the background, so it is
 * validated there. Local-only once stored: it is the evidence behind a lead, not a synced record.
 */
export const CompanyCapture = z.object({
  /** Web pages and saved pages opened from disk; never javascript:, data: or extension URLs. */
  url: z.url({ protocol: /^(https?|file)$/ }).max(4096),
  title: z.string().max(2000),
  /** Registrable domain (eTLD+1) of the page, e.g. "acme.co.uk"; null for IPs and local hosts. */
  domain: z.string().max(253).nullable(),
  fields: CaptureFields,
  /** The page's main text from Readability, only when its own metadata has no description; bounded. */
  mainText: z.string().max(20_000).optional(),
  warnings: z.array(z.string().max(500)).max(50),
});
export type CompanyCapture = z.infer<typeof CompanyCapture>;
/** The same shape under the name the foundation used. */
export const PageCapture = CompanyCapture;
export type PageCapture = CompanyCapture;

export const Capture = CompanyCapture.extend({
  id: Id,
  schemaVersion: z.literal(SCHEMA_VERSION),
  leadId: Id.nullable(),
  capturedAt: Timestamp,
});
export type Capture = z.infer<typeof Capture>;
