import { z } from 'zod';

/** Where a captured value was read from on the page. */
export const EvidenceSource = z.enum([
  'json-ld',
  'microdata',
  'opengraph',
  'meta',
  'title',
  'text',
  'link',
  'footer',
  'readability',
  'url',
]);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/** A value with the proof behind it, so the rep can see why Sidecar believes it. */
export const evidenceOf = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    source: EvidenceSource,
    /** The text around the value as it appeared on the page, trimmed for display. */
    snippet: z.string().max(500),
    confidence: z.number().min(0).max(1),
  });

export const TextEvidence = evidenceOf(z.string().min(1).max(2000));
export type TextEvidence = z.infer<typeof TextEvidence>;
