import { Readability } from '@mozilla/readability';
import type { TextEvidence } from '../schema';

/** CompanyCapture.mainText's bound. */
const MAIN_TEXT_LIMIT = 20_000;
/**
 * Beyond these Readability costs more than a capture may take in the page: measured in Chromium on the
 * corpus, one pass costs about 0.03-0.05 ms per element, so 3,000 elements stay within tens of ms.
 */
const READABILITY_MAX_ELEMENTS = 3_000;
const READABILITY_MAX_HTML = 1_500_000;
/** Readability walks each paragraph's ancestors: a page nested thousands deep would take seconds. */
const READABILITY_MAX_DEPTH = 400;
const DESCRIPTION_LIMIT = 300;

export interface MainText {
  description?: TextEvidence;
  mainText?: string;
  warnings: string[];
}

/**
 * The page's main text and a description from Mozilla Readability, for pages whose own metadata has no
 * description. Runs on a clone, so the live page is never touched, with a <base href> so that links resolve
 * (linkedom's clone has no URL of its own), and is skipped with a warning on huge pages.
 */
export function readMainText(doc: Document, baseUrl: string): MainText {
  const root = doc.documentElement;
  if (!root) return { warnings: [] };
  const tree = measureTree(root);
  if (tree.elements > READABILITY_MAX_ELEMENTS || tree.depth > READABILITY_MAX_DEPTH || root.outerHTML.length > READABILITY_MAX_HTML) {
    return { warnings: ['The page is too large to read its main text; the description was left empty.'] };
  }
  let article: ReturnType<Readability['parse']>;
  try {
    const clone = doc.cloneNode(true) as Document;
    setBase(clone, baseUrl);
    // One pass only: below its character threshold Readability retries up to three times, re-parsing the
    // page each time (4x the cost on portal pages). The article's HTML is not used, so it is not serialised.
    article = new Readability(clone, { maxElemsToParse: READABILITY_MAX_ELEMENTS, charThreshold: 1, serializer: () => '' }).parse();
  } catch {
    return { warnings: ["The page's main text could not be read."] };
  }
  const mainText = tidy(article?.textContent ?? '').slice(0, MAIN_TEXT_LIMIT);
  if (!mainText) return { warnings: [] };
  const excerpt = describingParagraph([tidy(article?.excerpt ?? '').replace(/\n+/g, ' '), ...mainText.split('\n')]);
  return {
    description: excerpt ? { value: shorten(excerpt), source: 'readability', snippet: shorten(excerpt), confidence: 0.5 } : undefined,
    mainText,
    warnings: [],
  };
}

/**
 * The first paragraph that reads as prose: a dozen words, or thirty Chinese characters. Readability's own
 * excerpt is the article's first paragraph, which on company pages is often a notice or an address line.
 */
function describingParagraph(paragraphs: string[]): string | undefined {
  return paragraphs.slice(0, 200).find((paragraph) => paragraph.split(' ').length >= 12 || (paragraph.match(/\p{Script=Han}/gu)?.length ?? 0) >= 30);
}

/** Element count and nesting depth, walking without recursion and stopping once either bound is passed. */
function measureTree(root: Element): { elements: number; depth: number } {
  const stack: Array<[Element, number]> = [[root, 1]];
  let elements = 0;
  let depth = 0;
  while (stack.length > 0) {
    const [element, level] = stack.pop()!;
    elements++;
    depth = Math.max(depth, level);
    if (elements > READABILITY_MAX_ELEMENTS || depth > READABILITY_MAX_DEPTH) break;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, level + 1]);
  }
  return { elements, depth };
}

function setBase(clone: Document, baseUrl: string): void {
  const head = clone.head ?? clone.querySelector('head');
  if (!head || clone.querySelector('base[href]')) return;
  const base = clone.createElement('base');
  base.setAttribute('href', baseUrl);
  head.insertBefore(base, head.firstChild);
}

/** Lines trimmed and their inner runs of spaces collapsed; at most one blank line between paragraphs. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Up to 300 characters, cut at the last sentence end when there is one. */
function shorten(text: string): string {
  if (text.length <= DESCRIPTION_LIMIT) return text;
  const cut = text.slice(0, DESCRIPTION_LIMIT);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return sentenceEnd > 80 ? cut.slice(0, sentenceEnd + 1) : `${cut.trimEnd()}…`;
}
