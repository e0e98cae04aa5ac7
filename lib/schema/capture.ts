import { z } from 'zod';
import { Id, SCHEMA_VERSION, Timestamp } from './common';
import { TextEvidence } from './evidence';

/** What the extractor read from one page. Local-only: it is the evidence behind a lead, not a synced record. */
export const CaptureFields = z.object({
  name: TextEvidence.optional(),
  legalName: TextEvidence.optional(),
  description: TextEvidence.optional(),
  logo: TextEvidence.optional(),
  emails: z.array(TextEvidence).max(200),
  phones: z.array(TextEvidence).max(200),
});
export type CaptureFields = z.infer<typeof CaptureFields>;

/** The extractor's output before it is stored: crosses from the content script, so it is validated. */
export const PageCapture = z.object({
  /** Web pages and saved pages opened from disk; never javascript:, data: or extension URLs. */
  url: z.url({ protocol: /^(https?|file)$/ }).max(4096),
  title: z.string().max(2000),
  /** Registrable domain (eTLD+1) of the page, e.g. "acme.co.uk"; null for IPs and local hosts. */
  domain: z.string().max(253).nullable(),
  fields: CaptureFields,
  warnings: z.array(z.string().max(500)).max(50),
});
export type PageCapture = z.infer<typeof PageCapture>;

export const Capture = PageCapture.extend({
  id: Id,
  schemaVersion: z.literal(SCHEMA_VERSION),
  leadId: Id.nullable(),
  capturedAt: Timestamp,
});
export type Capture = z.infer<typeof Capture>;
