import { Readability } from '@mozilla/readability';
import type { TextEvidence } from '../schema';

/** CompanyCapture.mainText's bound. */
const MAIN_TEXT_LIMIT = 20_000;

/** How much of a page Readability may be given; past these the capture would stall the tab it runs in. */
export interface ReadabilityLimits {
  /** Elements left once navigation, scripts, forms and the like are set aside. */
  maxElements: number;
  /** Readability walks each paragraph's ancestors: a page nested thousands deep would take seconds. */
  maxDepth: number;
  /** Characters of text in what is left. */
  maxChars: number;
}

/**
 * Measured in headless Chromium on the corpus and on generated pages (bench/extract.mjs): one Readability pass
 * costs about 0.01 ms per element left, so 6,000 elements keep it near 50 ms at worst; the depth bound keeps a
 * page nested 5,000 deep (4 s in Readability alone) out.
 */
export const READABILITY_LIMITS: ReadabilityLimits = { maxElements: 6_000, maxDepth: 400, maxChars: 1_000_000 };

/**
 * Set aside before Readability runs: it drops them itself (or scores them as boilerplate), so they only cost
 * time, and on portal pages they are most of the elements.
 */
const LEFT_OUT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'NAV', 'FOOTER', 'ASIDE', 'FORM', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'MAP', 'VIDEO', 'AUDIO', 'PICTURE', 'SOURCE', 'LINK', 'META']);
const DESCRIPTION_LIMIT = 300;
/** Banners that come first in a page's text and read as prose without describing anyone. */
const NOTICE = /cookie|javascript|browser|浏览器|隐私政策/i;
const TOO_LARGE = 'The page is too large to read its main text in time; the description was taken from its first paragraph.';
const TOO_LARGE_NO_TEXT = 'The page is too large to read its main text in time; the description was left empty.';

export interface MainText {
  description?: TextEvidence;
  mainText?: string;
  warnings: string[];
}

/**
 * The page's main text and a description from Mozilla Readability, for pages whose own metadata has no
 * description. Readability gets a lean copy of the page's content (its <main> when it has one, without
 * navigation, scripts and forms), so the live page is never touched and the work stays bounded; a page whose
 * content is still too large is not given to it, and the description then comes from the first paragraph of
 * `pageLines` (the page's visible text) instead.
 */
export function readMainText(doc: Document, baseUrl: string, pageLines: readonly string[] = [], limits: ReadabilityLimits = READABILITY_LIMITS): MainText {
  const root = contentRoot(doc);
  if (!root) return { warnings: [] };
  const copy = leanCopy(doc, root, baseUrl, limits);
  if (!copy) {
    const first = describingParagraph(pageLines.filter((line) => !NOTICE.test(line)));
    if (!first) return { warnings: [TOO_LARGE_NO_TEXT] };
    const value = shorten(first);
    return { description: { value, source: 'text', snippet: value, confidence: 0.35 }, warnings: [TOO_LARGE] };
  }
  let article: ReturnType<Readability['parse']>;
  try {
    // One pass only: below its character threshold Readability retries up to three times, re-parsing the
    // page each time (4x the cost on portal pages). The article's HTML is not used, so it is not serialised.
    article = new Readability(copy, { charThreshold: 1, serializer: () => '' }).parse();
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

/** The page's own main region when it marks exactly one, else its body. */
function contentRoot(doc: Document): Element | null {
  const mains = doc.querySelectorAll('main, [role="main"]');
  if (mains.length === 1) return mains[0]!;
  return doc.body ?? doc.documentElement;
}

/**
 * A new document holding the page's title, a <base href> (so that links resolve: a copy made outside the
 * browser has no URL of its own) and a copy of `root` without the LEFT_OUT elements; null when what is left
 * passes the limits. Measures first, without recursion and stopping as soon as a limit is passed, so a 10 MB
 * page costs a walk over its first few thousand elements and nothing is copied in vain.
 */
function leanCopy(doc: Document, root: Element, baseUrl: string, limits: ReadabilityLimits): Document | null {
  if (!withinLimits(root, limits)) return null;
  const copy = doc.cloneNode(false) as Document;
  const html = copy.appendChild(copy.createElement('html'));
  const head = html.appendChild(copy.createElement('head'));
  const base = head.appendChild(copy.createElement('base'));
  base.setAttribute('href', doc.querySelector('base[href]')?.getAttribute('href') ?? baseUrl);
  const title = doc.querySelector('title');
  if (title) head.appendChild(title.cloneNode(true));
  const body = html.appendChild(copy.createElement('body'));
  const stack: Array<[Node, Node]> = [[root, body]];
  while (stack.length > 0) {
    const [source, target] = stack.pop()!;
    for (let child = source.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) target.appendChild(child.cloneNode(false));
      else if (child.nodeType === 1 && !LEFT_OUT.has((child as Element).tagName.toUpperCase())) stack.push([child, target.appendChild(child.cloneNode(false))]);
    }
  }
  return copy;
}

function withinLimits(root: Element, limits: ReadabilityLimits): boolean {
  let elements = 0;
  let chars = 0;
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        chars += child.nodeValue?.length ?? 0;
        if (chars > limits.maxChars) return false;
      } else if (child.nodeType === 1 && !LEFT_OUT.has((child as Element).tagName.toUpperCase())) {
        if (++elements > limits.maxElements || depth + 1 > limits.maxDepth) return false;
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}

/**
 * The first paragraph that reads as prose: a dozen words, or thirty Chinese characters. Readability's own
 * excerpt is the article's first paragraph, which on company pages is often a notice or an address line.
 */
function describingParagraph(paragraphs: string[]): string | undefined {
  return paragraphs.slice(0, 200).find((paragraph) => paragraph.split(' ').length >= 12 || (paragraph.match(/\p{Script=Han}/gu)?.length ?? 0) >= 30);
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
