import type { CompanyCapture, Suggestion } from '../schema';
import { INDUSTRIES, type Industry, type IndustryId } from './industries';
import type { EnrichmentProvider } from './provider';

/** How much a keyword counts where it is found: the name says most, the main text least. */
const WEIGHTS = { name: 3, legalName: 3, description: 2, title: 1.5, mainText: 0.5 } as const;
/** A schema.org type that names the industry is the page declaring it: structured data outweighs words. */
const SCHEMA_TYPE_WEIGHT = 12;
const MAX_MATCHES_PER_TEXT = 4;
const MIN_SCORE = 2;

interface CompiledIndustry {
  id: IndustryId;
  han: readonly string[];
  not: RegExp | null;
  schemaTypes: ReadonlySet<string>;
}

const isHan = (word: string) => /\p{Script=Han}/u.test(word);
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMPILED: readonly CompiledIndustry[] = (INDUSTRIES as readonly Industry[]).map((industry) => ({
  id: industry.id as IndustryId,
  han: industry.keywords.filter(isHan),
  not: industry.not?.length ? new RegExp(industry.not.map(escape).join('|'), 'gu') : null,
  schemaTypes: new Set(industry.schemaTypes ?? []),
}));

/** A Latin-script keyword of an industry; `rank` is its place in the industry's list (the first listed wins). */
interface LatinKeyword {
  industry: number;
  rank: number;
  word: string;
}

/**
 * Latin-script keywords by their first run of letters and digits ("e-commerce" under "e"): a text is cut into
 * such runs once, and only the keywords filed under a run are tried there, instead of one scan per industry.
 */
const LATIN_BY_FIRST_RUN = new Map<string, LatinKeyword[]>();
(INDUSTRIES as readonly Industry[]).forEach((industry, index) => {
  industry.keywords
    .filter((word) => !isHan(word))
    .forEach((word, rank) => {
      const lower = word.toLowerCase();
      const first = /^[\p{L}\p{N}]+/u.exec(lower)?.[0] ?? lower;
      const list = LATIN_BY_FIRST_RUN.get(first) ?? [];
      list.push({ industry: index, rank, word: lower });
      LATIN_BY_FIRST_RUN.set(first, list);
    });
});

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const RUNS = /[\p{L}\p{N}]+/gu;

interface Hit {
  score: number;
  basis: string;
  snippet: string;
}

/**
 * The company's industry from the fixed list: schema.org types in the page's structured data, then keywords
 * in the name, description, title and main text, each weighted by where it was found.
 */
export function classifyIndustry(capture: CompanyCapture): Suggestion | null {
  const texts = textsOf(capture);
  const types = schemaTypesOf(capture);
  const scored = COMPILED.map((industry, index) => {
    let score = 0;
    let best: Hit | null = null;
    for (const type of types) {
      if (!industry.schemaTypes.has(type)) continue;
      score += SCHEMA_TYPE_WEIGHT;
      best = { score: SCHEMA_TYPE_WEIGHT, basis: 'schemaType', snippet: type };
    }
    for (const { field, text, latin } of texts) {
      const words = matches(industry, latin[index] ?? [], text);
      if (words.length === 0) continue;
      const points = WEIGHTS[field] * words.length;
      score += points;
      if (!best || points > best.score) best = { score: points, basis: field, snippet: words.join(', ') };
    }
    return { id: industry.id, score, best };
  }).sort((a, b) => b.score - a.score);

  const [top, runnerUp] = scored;
  if (!top?.best || top.score < MIN_SCORE) return null;
  // Close seconds (a car-loan lender is "finance" but also talks about cars) lower the confidence.
  const margin = runnerUp ? (top.score - runnerUp.score) / top.score : 1;
  const confidence = Math.min(0.9, 0.3 + 0.05 * top.score) * (0.6 + 0.4 * margin);
  return {
    field: 'industry',
    value: top.id,
    confidence: Math.round(confidence * 100) / 100,
    provider: 'industry',
    evidence: { basis: top.best.basis, snippet: top.best.snippet.slice(0, 500) },
  };
}

interface IndustryText {
  field: keyof typeof WEIGHTS;
  text: string;
  /** The distinct Latin-script keywords found, per industry, in the order they occur (at most a few each). */
  latin: Array<string[] | undefined>;
}

function textsOf(capture: CompanyCapture): IndustryText[] {
  const { fields } = capture;
  const texts: Array<[keyof typeof WEIGHTS, string | undefined]> = [
    ['name', fields.name?.value],
    ['legalName', fields.legalName?.value],
    ['description', fields.description?.value],
    ['title', capture.title],
    ['mainText', capture.mainText],
  ];
  return texts
    .filter((entry): entry is [keyof typeof WEIGHTS, string] => Boolean(entry[1]))
    .map(([field, raw]) => {
      const text = raw.normalize('NFKC').toLowerCase();
      return { field, text, latin: latinKeywordsIn(text) };
    });
}

/**
 * Every industry's Latin-script keywords in a text, matched as whole words: not inside a longer word, and where
 * two of one industry's keywords overlap, the one that starts first (then the one listed first) counts.
 */
export function latinKeywordsIn(text: string): Array<string[] | undefined> {
  const found: Array<string[] | undefined> = [];
  /** Where each industry's last match ended: its next match starts after it. */
  const endOf: number[] = [];
  for (const run of text.matchAll(RUNS)) {
    const candidates = LATIN_BY_FIRST_RUN.get(run[0]);
    if (!candidates) continue;
    const start = run.index;
    // The keyword listed first wins at one place; candidates are in list order per industry.
    const taken = new Set<number>();
    for (const { industry, word } of candidates) {
      if (taken.has(industry) || start < (endOf[industry] ?? 0)) continue;
      const end = start + word.length;
      if (!text.startsWith(word, start) || LETTER_OR_DIGIT.test(text.charAt(end))) continue;
      taken.add(industry);
      endOf[industry] = end;
      const words = (found[industry] ??= []);
      if (words.length < MAX_MATCHES_PER_TEXT && !words.includes(word)) words.push(word);
    }
  }
  return found;
}

/** The distinct keywords of an industry found in a text, at most a few (a keyword repeated is one signal). */
function matches(industry: CompiledIndustry, latin: readonly string[], text: string): string[] {
  const found = new Set<string>(latin);
  if (found.size >= MAX_MATCHES_PER_TEXT) return [...found];
  const han = industry.not ? text.replace(industry.not, ' ') : text;
  for (const word of industry.han) {
    if (han.includes(word)) found.add(word);
    if (found.size >= MAX_MATCHES_PER_TEXT) break;
  }
  return [...found];
}

/** schema.org types the extractor saw in JSON-LD or microdata (it keeps them in the evidence snippets). */
function schemaTypesOf(capture: CompanyCapture): Set<string> {
  const types = new Set<string>();
  const { fields } = capture;
  const evidence = [fields.name, fields.legalName, fields.description, fields.logo, ...fields.emails, ...fields.phones];
  for (const item of evidence) {
    if (!item || (item.source !== 'json-ld' && item.source !== 'microdata')) continue;
    for (const match of item.snippet.matchAll(/"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)) {
      for (const type of match[1]!.matchAll(/"(?:https?:\/\/schema\.org\/)?([A-Za-z]+)"/g)) types.add(type[1]!);
    }
  }
  return types;
}

export const industryProvider: EnrichmentProvider = {
  id: 'industry',
  fields: ['industry'],
  suggest: ({ capture }) => {
    const suggestion = classifyIndustry(capture);
    return suggestion ? [suggestion] : [];
  },
};
