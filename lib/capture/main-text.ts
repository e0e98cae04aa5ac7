import { Readability } from '@mozilla/readability';
import type { TextEvidence } from '../schema';

/** CompanyCapture.mainText's bound. */
const MAIN_TEXT_LIMIT = 20_000;

/** How much of a page Readability is given; beyond these the capture would stall the tab it runs in. */
export interface ReadabilityLimits {
  /** Elements copied, once navigation, scripts, forms and the like are set aside. */
  maxElements: number;
  /** Readability walks each paragraph's ancestors: content nested deeper than this is not copied. */
  maxDepth: number;
  /** Characters of text copied. */
  maxChars: number;
}

/**
 * Readability's cost grows faster than the elements it is given: measured in headless Chromium with
 * `node bench/extract.mjs --calibrate`, 1,000 elements took 25-50 ms and 2,000 took 80-130 ms on the shared
 * 2-core machine under load (a third to half of that when idle), and on a 2 MB page it was a third of the whole
 * capture at 1,000. 600 elements (some 200 paragraphs, more than the 20,000 characters of main text kept) hold a
 * company page's introduction, which comes first, and leave the capture room within its budgets. A page nested
 * 5,000 deep takes Readability alone seconds, and 400 empty levels still take it tens of ms: real pages stay
 * well within 120.
 */
export const READABILITY_LIMITS: ReadabilityLimits = { maxElements: 600, maxDepth: 120, maxChars: 300_000 };

/**
 * Set aside before Readability runs: it drops them itself (or scores them as boilerplate), so they only cost
 * time, and on portal pages they are most of the elements.
 */
const LEFT_OUT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'NAV', 'FOOTER', 'ASIDE', 'FORM', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'MAP', 'VIDEO', 'AUDIO', 'PICTURE', 'SOURCE', 'LINK', 'META']);
const DESCRIPTION_LIMIT = 300;
/** Banners that come first in a page's text and read as prose without describing anyone. */
const NOTICE = /cookie|javascript|browser|浏览器|隐私政策/i;

export interface MainText {
  description?: TextEvidence;
  mainText?: string;
  warnings: string[];
}

/**
 * The page's main text and a description from Mozilla Readability, for pages whose own metadata has no
 * description. Readability gets a lean copy of the page's content (its <main> when it marks one, without
 * navigation, scripts and forms), so the live page is never touched; on a large page the copy holds only its
 * first part (READABILITY_LIMITS), so the time it takes is bounded whatever the page. When Readability finds no
 * describing paragraph in such a cut copy, the first one in `pageLines` (the page's visible text) is used.
 */
export function readMainText(doc: Document, baseUrl: string, pageLines: readonly string[] = [], limits: ReadabilityLimits = READABILITY_LIMITS): MainText {
  const root = contentRoot(doc);
  if (!root) return { warnings: [] };
  const { copy, cut } = leanCopy(doc, root, baseUrl, limits);
  let article: ReturnType<Readability['parse']>;
  try {
    // One pass only: below its character threshold Readability retries up to three times, re-parsing the
    // page each time (4x the cost on portal pages). The article's HTML is not used, so it is not serialised
    // nor stripped of its classes; the copy holds no scripts, so there is no JSON-LD for it to look for.
    article = new Readability(copy, { charThreshold: 1, serializer: () => '', keepClasses: true, disableJSONLD: true }).parse();
  } catch {
    return { warnings: ["The page's main text could not be read."] };
  }
  const mainText = tidy(article?.textContent ?? '').slice(0, MAIN_TEXT_LIMIT) || undefined;
  const excerpt = mainText ? describingParagraph([tidy(article?.excerpt ?? '').replace(/\n+/g, ' '), ...mainText.split('\n')]) : undefined;
  if (excerpt) return { description: { value: shorten(excerpt), source: 'readability', snippet: shorten(excerpt), confidence: 0.5 }, mainText, warnings: [] };
  const first = cut ? describingParagraph(pageLines) : undefined;
  return { description: first ? { value: shorten(first), source: 'text', snippet: shorten(first), confidence: 0.35 } : undefined, mainText, warnings: [] };
}

/** The page's own main region when it marks exactly one, else its body. */
function contentRoot(doc: Document): Element | null {
  const mains = doc.querySelectorAll('main, [role="main"]');
  if (mains.length === 1) return mains[0]!;
  return doc.body ?? doc.documentElement;
}

/**
 * A new document holding the page's title, a <base href> (so that links resolve: a copy made outside the
 * browser has no URL of its own) and a copy of `root` in document order without the LEFT_OUT elements, up to
 * the limits (`cut` says whether it stopped early or left deep content out). Copies without recursion.
 */
function leanCopy(doc: Document, root: Element, baseUrl: string, limits: ReadabilityLimits): { copy: Document; cut: boolean } {
  const copy = doc.cloneNode(false) as Document;
  const html = copy.appendChild(copy.createElement('html'));
  const head = html.appendChild(copy.createElement('head'));
  const base = head.appendChild(copy.createElement('base'));
  base.setAttribute('href', doc.querySelector('base[href]')?.getAttribute('href') ?? baseUrl);
  // A byline from the metadata stops Readability from testing every element's whole text as a byline
  // (a quarter of its time on portal pages); the byline is not used.
  const author = head.appendChild(copy.createElement('meta'));
  author.setAttribute('name', 'author');
  author.setAttribute('content', '-');
  const title = doc.querySelector('title');
  if (title) head.appendChild(title.cloneNode(true));
  const body = copy.createElement('body');
  const cut = copyContent(copy, root, body, limits);
  html.appendChild(body);
  return { copy, cut };
}

const LEFT_OUT_SELECTOR = [...LEFT_OUT].map((tag) => tag.toLowerCase()).join(', ');
/** Comments, CDATA sections and processing instructions (NodeFilter.SHOW_*; NodeFilter is not global in Node). */
const SHOW_NON_TEXT = 0x80 | 0x8 | 0x40;

/**
 * Copies `root`'s content into `body` (detached, in the copy document) in document order without the LEFT_OUT
 * elements, up to the limits; returns whether it was cut. As if node by node: it stops at the element or text
 * that would go over the element or character limit, and leaves out (and goes on after) elements deeper than
 * the depth limit. But an element whose whole content fits is imported in one native deep copy (its left-out
 * elements and comments removed at the end) rather than node by node: in Chromium, making and inserting
 * nodes one at a time cost more than Readability's own scoring. Each node is made in the copy (importNode),
 * not cloned in the page and then adopted.
 */
function copyContent(copy: Document, root: Element, body: Element, limits: ReadabilityLimits): boolean {
  let elements = 0;
  let chars = 0;
  let cut = false;
  let wholeCopies = 0;
  const stack: Array<[Node, Node, number]> = [];
  const pushChildren = (source: Node, target: Node, depth: number) => {
    for (let child = source.lastChild; child; child = child.previousSibling) stack.push([child, target, depth]);
  };
  pushChildren(root, body, 1);
  while (stack.length > 0) {
    const [node, parent, depth] = stack.pop()!;
    if (node.nodeType === 3) {
      chars += node.nodeValue?.length ?? 0;
      if (chars > limits.maxChars) return finish(true);
      parent.appendChild(copy.importNode(node, false));
    } else if (node.nodeType === 1 && !LEFT_OUT.has((node as Element).tagName.toUpperCase())) {
      if (depth > limits.maxDepth) {
        cut = true;
        continue;
      }
      const whole = measure(node, depth, limits.maxElements - elements, limits.maxChars - chars, limits.maxDepth);
      if (whole) {
        parent.appendChild(copy.importNode(node, true));
        elements += whole.elements;
        chars += whole.chars;
        wholeCopies++;
        continue;
      }
      if (++elements > limits.maxElements) return finish(true);
      pushChildren(node, parent.appendChild(copy.importNode(node, false)), depth + 1);
    }
  }
  return finish(cut);

  function finish(wasCut: boolean): boolean {
    if (wholeCopies > 0) {
      const leftOut = body.querySelectorAll(LEFT_OUT_SELECTOR);
      for (let i = 0; i < leftOut.length; i++) leftOut[i]!.remove();
      const others: Node[] = [];
      const walker = copy.createTreeWalker(body, SHOW_NON_TEXT);
      for (let other = walker.nextNode(); other; other = walker.nextNode()) others.push(other);
      for (const other of others) other.parentNode?.removeChild(other);
    }
    return wasCut;
  }
}

/**
 * The elements and characters the copy of `element` (at `depth`) would hold, counted as copyContent counts
 * them; undefined as soon as it would go over what is left of the limits or hold an element too deep.
 * Reads only, and stops early, so measuring costs less than copying.
 */
function measure(element: Node, depth: number, elementsLeft: number, charsLeft: number, maxDepth: number): { elements: number; chars: number } | undefined {
  let elements = 0;
  let chars = 0;
  const stack: Array<[Node, number]> = [[element, depth]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (node.nodeType === 3) {
      chars += node.nodeValue?.length ?? 0;
      if (chars > charsLeft) return undefined;
    } else if (node.nodeType === 1 && !LEFT_OUT.has((node as Element).tagName.toUpperCase())) {
      if (at > maxDepth || ++elements > elementsLeft) return undefined;
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push([child, at + 1]);
    }
  }
  return { elements, chars };
}

/**
 * The first paragraph that reads as prose: a dozen words, or thirty Chinese characters, and not a cookie or
 * browser notice. Readability's own excerpt is the article's first paragraph, which on company pages is often
 * a notice or an address line.
 */
function describingParagraph(paragraphs: readonly string[]): string | undefined {
  return paragraphs
    .slice(0, 200)
    .find((paragraph) => (paragraph.split(' ').length >= 12 || (paragraph.match(/\p{Script=Han}/gu)?.length ?? 0) >= 30) && !NOTICE.test(paragraph));
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
