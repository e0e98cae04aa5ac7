import { Suggestion, type CompanyCapture, type SuggestedField } from '../schema';

/**
 * A source of field values for a lead. The built-in providers read the capture alone (no network); the team
 * backend or a paid data service can be added later as providers that look the company up, and their
 * suggestions are merged like the built-in ones: the most confident value per field wins, and no suggestion
 * ever replaces what the rep typed (lib/leads).
 */
export interface EnrichmentProvider {
  /** Stable id, recorded as the origin of the values it fills ("enrich:<id>"). */
  readonly id: string;
  /** The fields it may suggest, so a caller can skip it when they are all known. */
  readonly fields: readonly SuggestedField[];
  suggest(input: EnrichmentInput): Suggestion[] | Promise<Suggestion[]>;
}

export interface EnrichmentInput {
  capture: CompanyCapture;
}

/**
 * Runs every provider and keeps the most confident suggestion per field. A provider that fails (a network
 * source offline) loses its suggestions, never the capture: the failure is reported in `failures`.
 */
export async function enrichCapture(capture: CompanyCapture, providers: readonly EnrichmentProvider[]): Promise<Enrichment> {
  const best = new Map<SuggestedField, Suggestion>();
  const failures: Array<{ provider: string; message: string }> = [];
  for (const provider of providers) {
    let suggestions: Suggestion[];
    try {
      suggestions = await provider.suggest({ capture });
    } catch (error) {
      failures.push({ provider: provider.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const raw of suggestions) {
      // A provider added later is checked like any outside input: a malformed suggestion is dropped.
      const parsed = Suggestion.safeParse(raw);
      if (!parsed.success) {
        failures.push({ provider: provider.id, message: `dropped an invalid suggestion: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        continue;
      }
      const suggestion = parsed.data;
      const current = best.get(suggestion.field);
      if (!current || suggestion.confidence > current.confidence) best.set(suggestion.field, suggestion);
    }
  }
  return { suggestions: [...best.values()], failures };
}

export interface Enrichment {
  /** At most one per field, the most confident. */
  suggestions: Suggestion[];
  failures: Array<{ provider: string; message: string }>;
}
