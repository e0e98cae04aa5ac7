import type { TextEvidence } from '../schema';
import type { NameCandidate } from './name-candidates';
import { domainAffinity, hasHan, isLegalName, looksLikeDomain, squash, type Affinity } from './name-text';

const AFFINITY_BONUS: Record<Affinity, number> = { exact: 0.3, prefix: 0.2, acronym: 0.1, contains: 0.1, none: 0 };
const FREQUENCY_SAMPLE = 300_000;

export interface CompanyNames {
  name?: TextEvidence;
  legalName?: TextEvidence;
}

export interface NameContext {
  /** The domain's label, squashed ("fincar"). */
  label: string;
  /** The page is written in Chinese: a rep names the company as the page does, in Chinese. */
  chinesePage: boolean;
  /** The page's visible text, for how often a name is repeated and for its legal form. */
  text: string;
  /** A legal name the site's structured data declares. */
  structuredLegalName?: TextEvidence;
}

/**
 * Picks the company's name from every place that proposes one. Each candidate starts from the trust in its
 * place (structured data over OpenGraph over footer and title) and gains when it spells the domain, when
 * other places agree with it and when the page repeats it; sentences, domains-as-names and trimmed
 * fragments lose. No rule knows any particular site.
 */
export function chooseCompanyName(candidates: NameCandidate[], context: NameContext): CompanyNames {
  const groups = new Map<string, { best: NameCandidate; score: number; sources: Set<string>; legal?: NameCandidate }>();
  for (const candidate of candidates) {
    const key = squash(candidate.value);
    if (key.length < 2) continue;
    const score = candidateScore(candidate, context);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { best: candidate, score, sources: new Set([candidate.source]), legal: candidate.legal ? candidate : undefined });
      continue;
    }
    group.sources.add(candidate.source);
    if (score > group.score) Object.assign(group, { best: candidate, score });
    if (candidate.legal && (!group.legal || candidate.base > group.legal.base)) group.legal = candidate;
  }
  if (groups.size === 0) return { legalName: context.structuredLegalName };

  const lowerText = context.text.slice(0, FREQUENCY_SAMPLE).toLowerCase();
  const ranked = [...groups.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, 8)
    .map((group) => ({
      ...group,
      total: group.score + 0.05 * Math.min(3, group.sources.size - 1) + Math.min(0.1, 0.025 * occurrences(lowerText, group.best.value.toLowerCase())),
    }))
    .sort((a, b) => b.total - a.total);
  const winner = expandedName(ranked);
  const name: TextEvidence = {
    value: winner.best.value,
    source: winner.best.source,
    snippet: winner.best.snippet,
    confidence: round(Math.max(0.2, Math.min(0.99, winner.total))),
  };
  return { name, legalName: chooseLegalName(winner, candidates, context) };
}

/**
 * The registered name: structured data's legalName when it has a legal ending; else one written beside
 * this name (logo alt, footer), or a fuller one that starts with it ("GoDaddy Operating Company, LLC");
 * else one in the page's text; structured data's legalName without a legal ending comes last.
 */
function chooseLegalName(winner: { best: NameCandidate; legal?: NameCandidate }, candidates: NameCandidate[], context: NameContext): TextEvidence | undefined {
  const structured = context.structuredLegalName;
  if (structured && isLegalName(structured.value)) return structured;
  const key = squash(winner.best.value);
  const written = winner.legal ?? candidates.find((candidate) => candidate.legal && squash(candidate.value).startsWith(key));
  if (written?.legal) return { value: written.legal, source: written.source, snippet: written.snippet, confidence: 0.75 };
  const inText = legalNameInText(winner.best.value, context.text);
  if (inText) return inText;
  // A Chinese site states its registered operator in its title or footer even when it brands itself
  // differently ("DJI 大疆创新" over "深圳市大疆创新科技有限公司").
  const registered = context.chinesePage
    ? candidates.filter((candidate) => candidate.legal && hasHan(candidate.legal)).sort((a, b) => b.base - a.base)[0]
    : undefined;
  if (registered?.legal) return { value: registered.legal, source: registered.source, snippet: registered.snippet, confidence: 0.6 };
  return structured;
}

/** Places where a site states its own name in full, rather than abbreviating it in a title or domain. */
const NAMING_SOURCES = new Set(['json-ld', 'microdata', 'footer', 'meta']);

/**
 * "Firstcal" in a title, "© First California Mortgage" in the footer: when the top name is the start of a
 * fuller name the site states about itself and that fuller name scores nearly as well, the rep wants the full one.
 */
function expandedName<T extends { best: NameCandidate; total: number }>(ranked: T[]): T {
  const top = ranked[0]!;
  const key = squash(top.best.value);
  const fuller = ranked.find(
    (group) =>
      group !== top &&
      NAMING_SOURCES.has(group.best.source) &&
      !group.best.trimmed &&
      group.total >= top.total - 0.15 &&
      group.best.value.split(' ').length <= 5 &&
      squash(group.best.value).length > key.length &&
      squash(group.best.value).startsWith(key),
  );
  return fuller ?? top;
}

function candidateScore(candidate: NameCandidate, context: NameContext): number {
  const { value } = candidate;
  let score = candidate.base + AFFINITY_BONUS[domainAffinity(value, context.label)];
  if (context.chinesePage && hasHan(value)) score += 0.15;
  const words = value.split(' ').length;
  if (words > 5) score -= 0.25;
  if (value.length > 40) score -= 0.15;
  if (words >= 4 && /\s(is|are|the|for|and|with|your|our|from|to|in|on|at|a|an)\s/i.test(` ${value} `)) score -= 0.15;
  if (looksLikeDomain(value)) score -= 0.2;
  return score;
}

/** Whole-word occurrences (for Latin names), at most 20: how often the page repeats a name. */
function occurrences(text: string, name: string): number {
  if (name.length < 2) return 0;
  const latin = !hasHan(name);
  let count = 0;
  for (let at = text.indexOf(name); at !== -1 && count < 20; at = text.indexOf(name, at + name.length)) {
    if (latin && (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[at + name.length] ?? ''))) continue;
    count++;
  }
  return count;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Chinese footer's operator line: "主办单位：广州网易计算机系统有限公司", "版权所有：深圳市星河科技有限公司". */
const OPERATOR_LINE =
  /(?:主办单位|运营单位|运营主体|开办主体|经营主体|公司名称|企业名称|版权所有)\s*[:：]\s*([\p{Script=Han}（）()]{2,40}?(?:集团)?(?:股份)?有限(?:责任)?公司)/u;

/**
 * The company's legal name in the page's text: a Chinese footer's operator line, or the brand followed by a
 * legal ending ("Caltron Industries, Inc.", "中国银行股份有限公司").
 */
function legalNameInText(brand: string, text: string): TextEvidence | undefined {
  if (brand.length < 2 || brand.length > 100) return undefined;
  const sample = text.slice(0, FREQUENCY_SAMPLE);
  const operator = OPERATOR_LINE.exec(sample);
  if (operator) return { value: operator[1]!, source: 'text', snippet: snippetOf(sample, operator.index, operator[0].length), confidence: 0.7 };
  const pattern = hasHan(brand)
    ? new RegExp(`(?<!\\p{Script=Han})(?:\\p{Script=Han}{2,3}[省市]?)??${escapeRegExp(brand)}[\\p{Script=Han}（）()]{0,12}?(?:集团)?(?:股份)?有限(?:责任)?公司`, 'u')
    : new RegExp(`${escapeRegExp(brand)},?\\s+(?:Inc\\.?|LLC|L\\.L\\.C\\.|LLP|Ltd\\.?|Limited|Corporation|Corp\\.?|GmbH|PLC|Pty\\.?\\s*Ltd\\.?|Co\\.,?\\s*Ltd\\.?|AG|S\\.A\\.|B\\.V\\.|N\\.V\\.)(?![\\p{L}])`, 'u');
  const match = pattern.exec(sample);
  if (!match || !isLegalName(match[0])) return undefined;
  return { value: match[0], source: 'text', snippet: snippetOf(sample, match.index, match[0].length), confidence: 0.6 };
}

const snippetOf = (text: string, index: number, length: number) =>
  text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, ' ').trim();

const round = (value: number) => Math.round(value * 100) / 100;
